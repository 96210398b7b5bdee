import type { Kysely } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";

/** Options of {@link createPrune}'s routine. */
export interface PruneOptions {
  /** Rows deleted per statement (default 1000): bounds how long one write holds the lock. */
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
 * without bound and no single statement holds the write lock for long:
 * sessions whose live refresh token has expired (which covers a passed hard
 * end, since tokens are capped by it) and sessions revoked longer ago than
 * `keepRevokedMs`, each with its tokens; refresh tokens past their expiry
 * (rotated ones are kept until then, because presenting one is reuse, which
 * must still revoke its session); rate-limit windows that have ended.
 * Dead sessions are found through `refresh_tokens.expires_at` rather than a
 * column on `sessions`, so that a rotation does not rewrite one more index.
 */
export function createPrune(db: Kysely<TesseraDatabase>): (now: number, options?: PruneOptions) => Promise<{ deleted: number }> {
  const deleteSessions = async (ids: readonly string[]): Promise<number> =>
    db.transaction().execute(async (trx) => {
      const tokens = await trx.deleteFrom("refresh_tokens").where("session_id", "in", ids).executeTakeFirst();
      const sessions = await trx.deleteFrom("sessions").where("id", "in", ids).executeTakeFirst();
      return Number(tokens.numDeletedRows) + Number(sessions.numDeletedRows);
    });

  return async (now, options = {}) => {
    const batchSize = options.batchSize ?? 1000;
    const keepRevokedMs = options.keepRevokedMs ?? day;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
    let deleted = 0;
    const repeat = async (batch: () => Promise<{ found: number; removed: number }>) => {
      for (;;) {
        const { found, removed } = await batch();
        deleted += removed;
        if (found < batchSize) return;
      }
    };
    const removeSessions = async (ids: readonly string[]) => ({ found: ids.length, removed: ids.length === 0 ? 0 : await deleteSessions(ids) });
    await repeat(async () => {
      const rows = await db.selectFrom("refresh_tokens").select("session_id").where("expires_at", "<=", now).where("state", "=", "live").limit(batchSize).execute();
      return removeSessions(rows.map((row) => row.session_id));
    });
    await repeat(async () => {
      const rows = await db.selectFrom("sessions").select("id").where("revoked_at", "<=", now - keepRevokedMs).limit(batchSize).execute();
      return removeSessions(rows.map((row) => row.id));
    });
    await repeat(async () => {
      const expired = db.selectFrom("refresh_tokens").select("hash").where("expires_at", "<=", now).limit(batchSize);
      const result = await db.deleteFrom("refresh_tokens").where("hash", "in", expired).executeTakeFirst();
      const removed = Number(result.numDeletedRows);
      return { found: removed, removed };
    });
    await repeat(async () => {
      const ended = db.selectFrom("rate_limits").select("key").where("reset_at", "<=", now).limit(batchSize);
      const result = await db.deleteFrom("rate_limits").where("key", "in", ended).executeTakeFirst();
      const removed = Number(result.numDeletedRows);
      return { found: removed, removed };
    });
    return { deleted };
  };
}
