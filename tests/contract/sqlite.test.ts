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
