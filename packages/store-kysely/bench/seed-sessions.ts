// Seeding for the growth benchmark: a migrated SQLite file filled, in one
// transaction, with 10,000 users and `count` sessions, each with one live
// refresh token whose plaintext is kept so that tessera.refresh() can spend it.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Database } from "bun:sqlite";
import { type CryptoPort, hashSecret } from "@tessera/core";
import type { KyselyStore } from "@tessera/store-kysely";

const t0 = 1_767_225_600_000;
const ttl = 7 * 86_400_000;
const userCount = 10_000;

/** A seeded file to copy, and what is in it. */
export interface Seeded {
  readonly path: string;
  readonly count: number;
  readonly sessionIds: readonly string[];
  readonly tokens: readonly string[];
  readonly hashes: readonly string[];
  readonly seconds: number;
  userOf(index: number): string;
}

// Random 43-character base64url keys, like real SHA-256 hashes and ids, so
// inserts land all over the B-trees rather than at their right edge.
const randomKey = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");

/**
 * Creates the schema through `open` (the store's migrations), then fills the
 * file with raw inserts. With `cacheDir`, the filled file and its tokens are
 * kept there and reused by later runs (seeding a million takes a minute);
 * delete them after a schema change.
 */
export async function seedSessions(dir: string, count: number, open: (url: string) => Promise<KyselyStore>, hasher: CryptoPort, cacheDir?: string): Promise<Seeded> {
  const started = performance.now();
  const path = join(dir, `seed-${count}.db`);
  const cached = cacheDir === undefined ? undefined : join(cacheDir, `tessera-growth-seed-${count}`);
  if (cached !== undefined && existsSync(`${cached}.json`)) {
    copyFileSync(`${cached}.db`, path);
    const { sessionIds, tokens, hashes } = JSON.parse(readFileSync(`${cached}.json`, "utf8")) as Record<"sessionIds" | "tokens" | "hashes", string[]>;
    return { path, count, sessionIds, tokens, hashes, seconds: (performance.now() - started) / 1000, userOf: (index) => `user-${index % userCount}` };
  }
  await (await open(`sqlite:${path}`)).close();
  const db = new Database(path);
  // Seeding is set-up, not measured: no journal, no fsync, a cache that holds the file.
  db.exec("pragma journal_mode = delete; pragma synchronous = off; pragma cache_size = -1000000");
  const user = db.prepare("insert into users (id, email, password_hash, role, status, created_at) values (?, ?, 'not-a-hash', 'user', 'active', ?)");
  // The schema is whatever `open` migrated to: a `--baseline` copy of an older src may predate 0003, which moved a
  // token's state into its session row (`current_hash`).
  const sessionRow = db.prepare("select 1 from pragma_table_info('sessions') where name = 'current_hash'").get() !== null;
  const session = sessionRow
    ? db.prepare(
        "insert into sessions (id, user_id, created_at, expires_at, last_refreshed_at, revoked_at, revoked_reason, ip, user_agent, current_hash) values (?, ?, ?, null, ?, null, null, null, null, ?)",
      )
    : db.prepare(
        "insert into sessions (id, user_id, created_at, expires_at, last_refreshed_at, revoked_at, revoked_reason, ip, user_agent) values (?, ?, ?, null, ?, null, null, null, null)",
      );
  const token = sessionRow
    ? db.prepare("insert into refresh_tokens (hash, session_id, user_id, issued_at, expires_at) values (?, ?, ?, ?, ?)")
    : db.prepare(
        "insert into refresh_tokens (hash, session_id, user_id, state, issued_at, expires_at, rotated_at, rotation_nonce, successor_hash) values (?, ?, ?, 'live', ?, ?, null, null, null)",
      );
  const userOf = (index: number) => `user-${index % userCount}`;
  const sessionIds: string[] = [];
  const tokens: string[] = [];
  const hashes: string[] = [];
  for (let i = 0; i < count; i++) {
    const plaintext = randomKey();
    sessionIds.push(randomKey().slice(0, 22));
    tokens.push(plaintext);
    hashes.push(await hashSecret(plaintext, hasher));
  }
  db.transaction(() => {
    for (let i = 0; i < userCount; i++) user.run(userOf(i), `${userOf(i)}@example.com`, t0);
    for (let i = 0; i < count; i++) {
      if (sessionRow) session.run(sessionIds[i] as string, userOf(i), t0, t0, hashes[i] as string);
      else session.run(sessionIds[i] as string, userOf(i), t0, t0);
      token.run(hashes[i] as string, sessionIds[i] as string, userOf(i), t0, t0 + ttl);
    }
  })();
  db.exec("pragma journal_mode = wal");
  for (const statement of [user, session, token]) statement.finalize();
  db.close();
  if (cached !== undefined) {
    copyFileSync(path, `${cached}.db`);
    writeFileSync(`${cached}.json`, JSON.stringify({ sessionIds, tokens, hashes }));
  }
  return { path, count, sessionIds, tokens, hashes, seconds: (performance.now() - started) / 1000, userOf };
}
