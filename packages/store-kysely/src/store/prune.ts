import type { ExpressionBuilder, Kysely } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";
import { tokenSessionExists } from "./token-session-exists.ts";

/** Options of {@link createPrune}'s routine. */
export interface PruneOptions {
  /**
   * Rows looked at or deleted per write (default 1000): bounds how long one
   * write holds the lock.
   */
  readonly batchSize?: number;
  /**
   * How long a revoked session is kept (default one day), so that a retried
   * logout is still answered as already done and a replayed token still reads
   * as revoked rather than unknown.
   */
  readonly keepRevokedMs?: number;
}

const day = 86_400_000;

/**
 * Deletes what can no longer matter, in batches so that tables never grow
 * without bound and no single write holds the lock for long: sessions revoked
 * longer ago than `keepRevokedMs`; sessions whose live refresh token has
 * expired (which covers a passed hard end, since tokens are capped by it);
 * refresh tokens past their expiry (rotated ones are kept until then, because
 * presenting one is reuse, which must still revoke its session) and tokens
 * whose session is gone; rate-limit windows that have ended.
 *
 * `refresh_tokens` has no index but its key, so that a rotation writes no
 * index page: its rows are swept in key order, a range of `batchSize` keys
 * per transaction. A token whose session is deleted in a later range stays
 * until the next run; the look-ups read such a row as absent meanwhile.
 */
export function createPrune(db: Kysely<TesseraDatabase>): (now: number, options?: PruneOptions) => Promise<{ deleted: number }> {
  return async (now, options = {}) => {
    const batchSize = options.batchSize ?? 1000;
    const keepRevokedMs = options.keepRevokedMs ?? day;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
    const revoked = await deleteInBatches(async () => {
      const ended = db.selectFrom("sessions").select("id").where("revoked_at", "<=", now - keepRevokedMs).limit(batchSize);
      return Number((await db.deleteFrom("sessions").where("id", "in", ended).executeTakeFirst()).numDeletedRows);
    }, batchSize);
    const swept = await sweepRefreshTokens(db, now, batchSize);
    const windows = await deleteInBatches(async () => {
      const ended = db.selectFrom("rate_limits").select("key").where("reset_at", "<=", now).limit(batchSize);
      return Number((await db.deleteFrom("rate_limits").where("key", "in", ended).executeTakeFirst()).numDeletedRows);
    }, batchSize);
    return { deleted: revoked + swept + windows };
  };
}

/** Runs `batch` until it deletes fewer than `batchSize` rows; returns the total. */
async function deleteInBatches(batch: () => Promise<number>, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await batch();
    total += removed;
    if (removed < batchSize) return total;
  }
}

/**
 * One pass over `refresh_tokens` in key order. In each range that holds
 * something to delete, one transaction deletes the sessions whose live token
 * (their `current_hash`) has expired, then the range's expired tokens and
 * those whose session is gone (including the sessions just deleted).
 */
async function sweepRefreshTokens(db: Kysely<TesseraDatabase>, now: number, batchSize: number): Promise<number> {
  let deleted = 0;
  // Hashes are non-empty, so every key sorts after the empty string.
  let after = "";
  for (;;) {
    const boundary = await db
      .selectFrom("refresh_tokens")
      .select("hash")
      .where("hash", ">", after)
      .orderBy("hash")
      .offset(batchSize - 1)
      .limit(1)
      .executeTakeFirst();
    const last = boundary?.hash ?? null;
    const inRange = (eb: ExpressionBuilder<TesseraDatabase, "refresh_tokens">) =>
      last === null ? eb("hash", ">", after) : eb.and([eb("hash", ">", after), eb("hash", "<=", last)]);
    // A lapsed session's live token has expired too, so this finds every range with something to delete.
    const stale = (eb: ExpressionBuilder<TesseraDatabase, "refresh_tokens">) =>
      eb.and([
        inRange(eb),
        eb.or([eb("expires_at", "<=", now), eb.not(tokenSessionExists(eb))]),
      ]);
    // Most ranges hold nothing to delete: a read finds out, so the write lock is taken only where needed.
    const found = await db.selectFrom("refresh_tokens").select("hash").where(stale).limit(1).executeTakeFirst();
    if (found !== undefined) {
      deleted += await db.transaction().execute(async (trx) => {
        // A session has lapsed when its live token (`current_hash`) is among the range's expired tokens. The test is
        // on the session row itself, so that PostgreSQL re-checks it against a rotation committed meanwhile (the
        // `id` look-up alone would not); the `id` condition lets it find the rows by key.
        const expired = trx.selectFrom("refresh_tokens").where(inRange).where("expires_at", "<=", now);
        const sessions = await trx
          .deleteFrom("sessions")
          .where("id", "in", expired.select("session_id"))
          .where("current_hash", "in", expired.select("hash"))
          .executeTakeFirst();
        const tokens = await trx.deleteFrom("refresh_tokens").where(stale).executeTakeFirst();
        return Number(sessions.numDeletedRows) + Number(tokens.numDeletedRows);
      });
    }
    if (last === null) return deleted;
    after = last;
  }
}
