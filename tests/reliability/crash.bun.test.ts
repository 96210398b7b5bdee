import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { test } from "node:test";
import { Database } from "bun:sqlite";
import { type SpawnedServer, spawnServer } from "../http/spawn-server.ts";
import { startReferenceStand } from "../security/support/reference-stand.ts";
import { loopbackRequest } from "./support/loopback-client.ts";
import { runMixedClient } from "./support/mixed-client.ts";

const clients = 4;

test("kill -9 of the reference server under mixed load loses nothing it returned: every pair still works or was validly rotated", async () => {
  // A long retry grace: a refresh committed just before the kill, whose answer never arrived, must still be retryable after the restart.
  const stand = await startReferenceStand({ TESSERA_REUSE_GRACE: "5m" });
  let restarted: SpawnedServer | undefined;
  try {
    const users = [];
    for (let i = 0; i < clients; i++) {
      const user = { email: `client-${i}@example.com`, password: `client-password-${i}` };
      await stand.createUser(user);
      users.push(user);
    }
    let killed = false;
    const running = users.map((user, i) => runMixedClient(stand.url, user, `127.0.0.${30 + i}`, () => killed));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    stand.server.child.kill("SIGKILL");
    // Only once the server is gone do the clients stop: a request answered between the signal and the death must
    // not end a loop "early"; every loop ends on a refused connection instead.
    await stand.server.exited;
    killed = true;
    const records = await Promise.all(running);
    assert.equal(await stand.server.exited, null, "the server died of the signal");
    for (const record of records) assert.ok(record.ended !== null, `${record.email} was cut off by the kill, not stopped early`);

    // Every returned pair but the newest of its chain was spent by the next refresh: both tokens have rows in one
    // session, the spent one is no longer the session's live token (`current_hash`), and it is the token the
    // session's last rotation spent (`previous_hash`) exactly when the next one is live. (The newest is live, or the
    // last rotation's spent token when the kill cut off that rotation's answer; it is refreshed after the restart,
    // below.) Read from the file itself (presenting an old token would rightly be reuse).
    const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");
    const rows = new Database(join(stand.dir, "tessera.db"), { readonly: true });
    let rotatedChecked = 0;
    // What the kill lost, one line each: counted rather than thrown, so that "lost" is a count that can be non-zero.
    const lost: string[] = [];
    try {
      const row = rows.query<{ session_id: string; live: number; spent_last: number }, [string]>(
        "select t.session_id, s.current_hash is t.hash as live, s.previous_hash is t.hash as spent_last from refresh_tokens t join sessions s on s.id = t.session_id where t.hash = ?",
      );
      for (const record of records) {
        for (const chain of record.chains) {
          for (let i = 0; i + 1 < chain.length; i++) {
            const stored = row.get(hashOf((chain[i] as { refresh_token: string }).refresh_token));
            const next = row.get(hashOf((chain[i + 1] as { refresh_token: string }).refresh_token));
            const spentIntoNext = stored !== null && next !== null && stored.session_id === next.session_id && stored.live === 0 && stored.spent_last === next.live;
            if (spentIntoNext) rotatedChecked++;
            else lost.push(`${record.email}: pair ${i} of a chain was not rotated into the next (${JSON.stringify({ stored, next })})`);
          }
        }
      }
    } finally {
      rows.close();
    }

    restarted = await spawnServer(stand.env);
    const url = restarted.url;
    const counts = { pairs: 0, chains: 0, rotated: rotatedChecked, accessOk: 0, lastRefreshed: 0, statics: 0, staticsOk: 0, staticsReplacedInFlight: 0, inFlight: 0, requests: 0 };
    for (const [i, record] of records.entries()) {
      const localAddress = `127.0.0.${30 + i}`;
      const get = (token: string) => loopbackRequest(`${url}/users/me`, { method: "GET", token, localAddress });
      counts.inFlight += record.inFlight === null ? 0 : 1;
      counts.requests += [...record.statuses.values()].reduce((a, b) => a + b, 0);
      for (const chain of record.chains) {
        counts.chains++;
        counts.pairs += chain.length;
        for (const pair of chain) {
          const reply = await get(pair.access_token);
          assert.equal(reply.status, 200, `${record.email}: an access token returned before the kill is refused after the restart: ${reply.text}`);
          counts.accessOk++;
        }
        const last = chain.at(-1);
        assert.ok(last);
        const refreshed = await loopbackRequest(`${url}/auth/refresh`, { method: "POST", body: { refresh_token: last.refresh_token }, localAddress });
        if (refreshed.status !== 200) {
          lost.push(`${record.email}: the newest refresh token of a chain no longer refreshes: ${refreshed.text}`);
          continue;
        }
        assert.equal((await get(JSON.parse(refreshed.text).data.access_token)).status, 200);
        counts.lastRefreshed++;
      }
      const liveStatic = record.statics.at(-1);
      if (liveStatic !== undefined) {
        counts.statics += record.statics.length;
        const reply = await get(liveStatic);
        // A regeneration on the wire at the kill may have committed: then the newest returned token was validly replaced.
        if (reply.status === 401 && record.inFlight === "static") counts.staticsReplacedInFlight++;
        else {
          assert.equal(reply.status, 200, `${record.email}: the newest static token returned before the kill is refused: ${reply.text}`);
          counts.staticsOk++;
        }
      }
    }
    console.log(`[crash] ${counts.requests} requests answered before kill -9 (${counts.inFlight} in flight at the kill); ${counts.chains} chains, ${counts.pairs} pairs returned with 200: ` +
      `${counts.rotated} validly rotated with a recorded successor, ${counts.accessOk} access tokens still accepted, ${counts.lastRefreshed} newest refresh tokens refreshed after restart; ` +
      `${counts.statics} static tokens returned, newest accepted for ${counts.staticsOk} users, ${counts.staticsReplacedInFlight} replaced by a regeneration in flight; ${lost.length} lost`);
    assert.deepEqual(lost, [], "pairs the kill lost");
    assert.equal(counts.rotated + counts.lastRefreshed, counts.pairs, "every returned pair was either rotated into the next or is a chain's newest and still refreshes");
    assert.ok(counts.pairs >= clients * 5, `enough load before the kill: ${counts.pairs} pairs`);
  } finally {
    await (restarted ?? stand).stop();
  }
  const db = new Database(join(stand.dir, "tessera.db"), { readonly: true });
  try {
    assert.deepEqual(db.query("pragma integrity_check").all(), [{ integrity_check: "ok" }]);
  } finally {
    db.close();
  }
});
