// The reference server's WAL checkpoints run on a worker thread (Bun only):
// proof that the worker copies pages into the database file while the serving
// connection does none, and that closing the store ends the worker's connection too.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "@tessera/store-kysely";
import { sql } from "kysely";
import { makeSession, makeToken } from "./fixtures.ts";

async function writeSessions(store: Awaited<ReturnType<typeof openStore>>, count: number, tag: string) {
  for (let i = 0; i < count; i++) {
    const session = makeSession(`${tag}-${i}`, "u1", { userAgent: "x".repeat(400) });
    await store.insertSession(session, makeToken(`${tag}-h${i}`, session));
  }
}

async function databaseFileGrowth(backgroundCheckpoints: boolean, waitMs: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "tessera-checkpoints-"));
  const path = join(dir, "tessera.db");
  const store = await openStore(`sqlite:${path}`, { backgroundCheckpoints });
  try {
    // The serving connection checkpoints nothing itself, so only the worker can move pages into the file.
    await sql`pragma wal_autocheckpoint = 0`.execute(store.db);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    const before = statSync(path).size;
    await writeSessions(store, 300, "s");
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && statSync(path).size === before) await new Promise((resolve) => setTimeout(resolve, 50));
    return statSync(path).size - before;
  } finally {
    await store.close();
    // Leaving WAL needs every connection to the file gone, the worker's included.
    const { Database } = await import("bun:sqlite");
    const check = new Database(path);
    try {
      assert.equal((check.prepare("pragma journal_mode = delete").get() as { journal_mode: string }).journal_mode, "delete", "a connection to the file is still open after close()");
    } finally {
      check.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

test("background checkpoints: a worker copies WAL pages into the database file, and close() ends its connection", async () => {
  assert.ok((await databaseFileGrowth(true, 5000)) > 0, "the database file did not grow: no checkpoint ran");
});

test("background checkpoints: without them (and with automatic checkpoints off) the pages stay in the WAL, so the test above can fail", async () => {
  assert.equal(await databaseFileGrowth(false, 1000), 0);
});
