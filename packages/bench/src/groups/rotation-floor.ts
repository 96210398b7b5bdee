import { encodeBase64url, type RefreshTokenRecord, type Store } from "@tessera/core";
import { webRandom } from "@tessera/core/platform";
import type { NamedFigure } from "./group-result.ts";
import { measure, type MeasureOptions } from "../harness/measure.ts";

const newHash = () => encodeBase64url(webRandom.bytes(32));
const week = 7 * 86_400_000;

function liveToken(sessionId: string, userId: string, now: number): RefreshTokenRecord {
  return { hash: newHash(), sessionId, userId, state: "live", issuedAt: now, expiresAt: now + week, rotatedAt: null, rotationNonce: null, successorHash: null };
}

/**
 * The store port's rotation alone: `store.rotateRefreshToken` in a chain, with
 * no hashing, no decision and no reads, so that the service's own cost can be
 * told apart from the store's.
 *
 * @example
 * const figure = await measureStoreRotation(store, options);
 */
export async function measureStoreRotation(store: Store, options: MeasureOptions): Promise<ReturnType<typeof measure>> {
  const now = Date.now();
  const sessionId = encodeBase64url(webRandom.bytes(16));
  let current = liveToken(sessionId, "floor-user", now);
  await store.insertSession({ id: sessionId, userId: "floor-user", createdAt: now, expiresAt: null, lastRefreshedAt: now, revokedAt: null, revokedReason: null, ip: null, userAgent: null }, current);
  return measure(async () => {
    const successor = liveToken(sessionId, "floor-user", now);
    const rotated = await store.rotateRefreshToken({ presentedHash: current.hash, sessionId, rotatedAt: now, rotationNonce: "n", successor });
    if (!rotated) throw new Error("the store refused a rotation of a live token");
    current = successor;
  }, options);
}

interface BunSqliteStatement {
  run(...parameters: unknown[]): { changes: number };
}
interface BunSqliteDatabase {
  prepare(sql: string): BunSqliteStatement;
  exec(sql: string): void;
  transaction<T>(body: () => T): { immediate: () => T };
  close(): void;
}

/**
 * The floor under SQLite rotation on Bun: the same two statements as the
 * Kysely store's rotation transaction (swap the session's live token if it is
 * the presented one and the session is not revoked, insert the successor), prepared once and run
 * in a bun:sqlite transaction on an already migrated file, with the same
 * pragmas. Measures what SQLite itself costs, without Kysely.
 *
 * @example
 * const figure = await measureRawBunSqliteRotation(store, "/tmp/x.db", "NORMAL", options);
 */
export async function measureRawBunSqliteRotation(store: Store, path: string, synchronous: "NORMAL" | "FULL", options: MeasureOptions): Promise<NamedFigure> {
  // The session and its first token go in through the store, so that this file restates no more of the schema than the rotation needs.
  const now = Date.now();
  const sessionId = encodeBase64url(webRandom.bytes(16));
  const first = liveToken(sessionId, "floor-user", now);
  await store.insertSession({ id: sessionId, userId: "floor-user", createdAt: now, expiresAt: null, lastRefreshedAt: now, revokedAt: null, revokedReason: null, ip: null, userAgent: null }, first);
  let current = first.hash;
  const module = "bun:sqlite";
  const { Database } = (await import(module)) as { Database: new (path: string) => BunSqliteDatabase };
  const db = new Database(path);
  try {
    // Exactly the store's pragmas: wal_autocheckpoint, mmap_size and the rest are per connection, and without them
    // this "floor" checkpointed ten times as often as the store it is compared with.
    const { applySqlitePragmas } = await import("@tessera/store-kysely/bun-sqlite");
    applySqlitePragmas(db, path, { synchronous });
    const swap = db.prepare(
      "update sessions set current_hash = ?, previous_hash = current_hash, previous_rotated_at = ?, previous_nonce = ?, last_refreshed_at = ? where id = ? and current_hash = ? and revoked_at is null",
    );
    const insert = db.prepare("insert into refresh_tokens (hash, session_id, user_id, issued_at, expires_at) values (?, ?, ?, ?, ?)");
    const rotate = db.transaction(() => {
      const successor = newHash();
      if (swap.run(successor, now, "n", now, sessionId, current).changes !== 1) throw new Error("raw rotation refused a live token");
      insert.run(successor, sessionId, "floor-user", now, now + week);
      current = successor;
    });
    // BEGIN IMMEDIATE, as the Kysely store's SQLite rotation takes the write lock up front.
    return { name: "", ...(await measure(rotate.immediate, options)) };
  } finally {
    db.close();
  }
}
