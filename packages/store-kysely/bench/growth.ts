// Growth benchmark (not a test): rotate and session look-up cost on bun:sqlite
// (WAL, synchronous=NORMAL) with 1,000 and then 1,000,000 sessions stored.
// Lookups hit primary keys and rotations touch a handful of B-tree pages, so
// cost should grow with log(n) at most: the 1M/1k ratio should stay <= 1.5.
//
//   bun packages/store-kysely/bench/growth.ts [sizes...]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Database } from "bun:sqlite";
import type { Rotation } from "@tessera/core";
import { openStore } from "@tessera/store-kysely";

const t0 = 1_767_225_600_000;
const ttl = 7 * 86_400_000;
const operations = 20_000;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

// Random 43-character base64url keys, like real SHA-256 hashes and ids, so
// inserts land all over the B-trees rather than at their right edge.
function randomKey(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

/** Fills the file with `count` sessions, each with one live refresh token, in one transaction. */
function fill(path: string, count: number): { sessionIds: string[]; tokenHashes: string[] } {
  const db = new Database(path);
  const session = db.prepare(
    "insert into sessions (id, user_id, created_at, expires_at, last_refreshed_at, revoked_at, revoked_reason, ip, user_agent) values (?, ?, ?, null, ?, null, null, null, null)",
  );
  const token = db.prepare(
    "insert into refresh_tokens (hash, session_id, user_id, state, issued_at, expires_at, rotated_at, rotation_nonce, successor_hash) values (?, ?, ?, 'live', ?, ?, null, null, null)",
  );
  const sessionIds: string[] = [];
  const tokenHashes: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomKey().slice(0, 22);
      const hash = randomKey();
      const user = `user-${i % 10_000}`;
      session.run(id, user, t0, t0);
      token.run(hash, id, user, t0, t0 + ttl);
      sessionIds.push(id);
      tokenHashes.push(hash);
    }
  })();
  db.close();
  return { sessionIds, tokenHashes };
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function measure(count: number): Promise<{ count: number; lookupUs: number; rotateUs: number; fillS: number }> {
  const dir = mkdtempSync(join(tmpdir(), "tessera-growth-"));
  try {
    const path = join(dir, "tessera.db");
    await (await openStore(`sqlite:${path}`)).close();
    const started = performance.now();
    const { sessionIds, tokenHashes } = fill(path, count);
    const fillS = (performance.now() - started) / 1000;
    const store = await openStore(`sqlite:${path}`);
    try {
      const lookupRounds: number[] = [];
      const rotateRounds: number[] = [];
      let clock = t0 + 1000;
      // Three rounds, median kept: the machine is shared, single rounds are noisy.
      for (let round = 0; round < 3; round++) {
        const lookups = Array.from({ length: operations }, () => sessionIds[Math.floor(Math.random() * sessionIds.length)] as string);
        let begin = performance.now();
        for (const id of lookups) if ((await store.findSession(id)) === null) throw new Error("lost a session");
        lookupRounds.push(((performance.now() - begin) * 1000) / lookups.length);

        // The same number of rotations at every size: with few sessions, a
        // session is rotated again, presenting the successor it got last time.
        const rotations: Rotation[] = [];
        for (let n = 0; n < operations; n++) {
          const i = Math.floor(Math.random() * count);
          const at = clock++;
          const sessionId = sessionIds[i] as string;
          const successor = randomKey();
          rotations.push({
            presentedHash: tokenHashes[i] as string,
            sessionId,
            rotatedAt: at,
            rotationNonce: randomKey().slice(0, 22),
            successor: { hash: successor, sessionId, userId: `user-${i % 10_000}`, state: "live", issuedAt: at, expiresAt: at + ttl, rotatedAt: null, rotationNonce: null, successorHash: null },
          });
          tokenHashes[i] = successor;
        }
        begin = performance.now();
        for (const rotation of rotations) if (!(await store.rotateRefreshToken(rotation))) throw new Error("a rotation was refused");
        rotateRounds.push(((performance.now() - begin) * 1000) / rotations.length);
      }
      return { count, lookupUs: median(lookupRounds), rotateUs: median(rotateRounds), fillS };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const count of sizes.length > 0 ? sizes : [1_000, 1_000_000]) {
  const result = await measure(count);
  results.push(result);
  console.log(
    `${count.toLocaleString("en-US").padStart(10)} sessions: findSession ${result.lookupUs.toFixed(1)} µs/op, rotateRefreshToken ${result.rotateUs.toFixed(1)} µs/op (fill ${result.fillS.toFixed(1)} s)`,
  );
}
const [small, large] = [results[0], results.at(-1)];
if (small !== undefined && large !== undefined && large !== small) {
  const lookupRatio = large.lookupUs / small.lookupUs;
  const rotateRatio = large.rotateUs / small.rotateUs;
  console.log(`ratio ${large.count.toLocaleString("en-US")}/${small.count.toLocaleString("en-US")}: findSession ${lookupRatio.toFixed(2)}, rotateRefreshToken ${rotateRatio.toFixed(2)} (target <= 1.5)`);
}
