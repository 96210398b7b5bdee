import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "@tessera/store-kysely";
import { sql } from "kysely";
import { makeSession, makeToken } from "./fixtures.ts";
import { testStoreContract } from "./store-contract.ts";

// openStore picks the runtime's binding: bun:sqlite on Bun, node:sqlite on
// Deno, better-sqlite3 on Node; each test gets its own temporary file.
testStoreContract(
  "sqlite",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-contract-"));
    const url = `sqlite:${join(dir, "nested", "tessera.db")}`;
    const store = await openStore(url);
    return {
      store,
      users: store,
      rateLimiter: store,
      sql: store,
      openSecond: () => openStore(url),
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { sql: true },
);

test("sqlite: close() lets go of the file, so another connection can take it exclusively", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-contract-"));
  const url = `sqlite:${join(dir, "tessera.db")}`;
  try {
    const first = await openStore(url);
    const session = makeSession("s1", "u1");
    await first.insertSession(session, makeToken("h1", session));
    assert.equal((await first.findSession("s1"))?.id, "s1");
    await first.close();
    // Leaving WAL needs every other connection gone: a connection left open
    // (bun:sqlite keeps one whose statements were not finalized) refuses it.
    const second = await openStore(url);
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode = delete`.execute(second.db);
      assert.equal(mode.rows[0]?.journal_mode, "delete");
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sqlite: a look-up issued while a Kysely transaction holds the connection waits for it instead of reading inside it", async () => {
  // Look-ups run at once on the connection when no one holds it; this checks
  // the other half: a transaction that awaits between statements keeps them out.
  const dir = mkdtempSync(join(tmpdir(), "tessera-contract-"));
  try {
    const store = await openStore(`sqlite:${join(dir, "tessera.db")}`);
    try {
      // The first look-up finds out which driver it has; the ones after it take the direct path under test.
      assert.equal(await store.findUserById("u-tx"), null);
      let pending: Promise<unknown> | undefined;
      await store.db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto("users").values({ id: "u-tx", email: "tx@example.com", password_hash: "x", role: "user", status: "active", created_at: 0 }).execute();
          pending = store.findUserById("u-tx");
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error("roll back");
        })
        .catch(() => {});
      assert.equal(await pending, null, "the look-up saw a row of a transaction that was rolled back");
      await store.insertUser({ id: "u-2", email: "two@example.com", passwordHash: "x", role: "user", status: "active", createdAt: 0 });
      assert.equal((await store.findUserById("u-2"))?.email, "two@example.com");
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
