import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { hashSecret } from "@tessera/core";
import { createManualClock, createTestKit } from "@tessera/core/testing";
import { openStore } from "@tessera/store-kysely";
import { sql } from "kysely";

const child = join(import.meta.dirname, "refresh-loop.ts");

/** Runs the refresh loop on `path` until it has printed `lines` tokens, then SIGKILLs it. */
function refreshThenKill(path: string, lines: number): Promise<Array<{ token: string; now: number }>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    proc.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split("\n").length > lines) proc.kill("SIGKILL");
    });
    proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    proc.on("error", reject);
    proc.on("close", (_code, signal) => {
      if (signal !== "SIGKILL") return reject(new Error(`the refresh loop stopped by itself: ${err}`));
      // The last line may be cut short by the kill; only complete lines count.
      const complete = out.slice(0, out.lastIndexOf("\n"));
      resolve(complete.split("\n").map((line) => JSON.parse(line) as { token: string; now: number }));
    });
  });
}

test("after kill -9 mid-refresh, every returned refresh token is honoured and no half-written row exists", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-durability-"));
  const path = join(dir, "tessera.db");
  try {
    const printed = await refreshThenKill(path, 300);
    assert.ok(printed.length >= 300);
    const store = await openStore(`sqlite:${path}`);
    try {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
      assert.deepEqual(check.rows, [{ integrity_check: "ok" }]);
      const sessions = await sql<{ id: string; revoked: number; live: number }>`
        select s.id, s.revoked_at is not null as revoked,
               (select count(*) from refresh_tokens t where t.session_id = s.id and t.hash = s.current_hash) as live
        from sessions s`.execute(store.db);
      assert.equal(sessions.rows.length, 1);
      for (const row of sessions.rows) assert.ok(row.revoked || Number(row.live) === 1, "a live session's current_hash names a token row of it");
      const dangling = await sql<{ n: number }>`
        select count(*) as n from sessions s
        where s.previous_hash is not null and not exists (select 1 from refresh_tokens t where t.hash = s.previous_hash and t.session_id = s.id)`.execute(store.db);
      assert.equal(Number(dangling.rows[0]?.n), 0, "no previous_hash points to a missing row");
      const halfWritten = await sql<{ n: number }>`
        select count(*) as n from sessions where
          (previous_hash is null) <> (previous_rotated_at is null) or (previous_hash is null) <> (previous_nonce is null)`.execute(store.db);
      assert.equal(Number(halfWritten.rows[0]?.n), 0);

      const kit = createTestKit({ store, users: store, seed: 99, clock: createManualClock((printed.at(-1)?.now ?? 0) + 1) });
      for (const { token } of printed.slice(0, -1)) {
        assert.equal((await store.findRefreshToken(await hashSecret(token, kit.crypto)))?.state, "rotated", "every refresh that returned was committed");
      }
      const last = printed.at(-1)?.token ?? "";
      const outcome = await kit.tessera.refresh(last);
      assert.ok(outcome.ok, "the last printed token still refreshes (a rotation, or a retry of one the kill cut short)");
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
