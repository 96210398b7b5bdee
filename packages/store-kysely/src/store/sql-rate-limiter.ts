import { type RateLimiter, windowStart } from "@tessera/core";
import { type Kysely, sql } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";
import { param, prepareQuery } from "./prepared-query.ts";

/**
 * Fixed-window login counters shared by every server instance. A hit is one
 * upsert that either counts on in the current window or starts a new one, so
 * concurrent hits from several processes are all counted.
 */
export function createSqlRateLimiter(db: Kysely<TesseraDatabase>): RateLimiter {
  const hit = prepareQuery<{ hits: number; reset_at: number | string }, { key: string; start: number; resetAt: number }>(
    db
      .insertInto("rate_limits")
      .values({ key: param("key"), window_start: param("start"), reset_at: param("resetAt"), hits: 1 })
      .onConflict((conflict) =>
        conflict.column("key").doUpdateSet({
          hits: sql`case when rate_limits.window_start = excluded.window_start then rate_limits.hits + 1 else 1 end`,
          window_start: sql`excluded.window_start`,
          reset_at: sql`excluded.reset_at`,
        }),
      )
      .returning(["hits", "reset_at"])
      .compile(),
  );
  const peek = prepareQuery<{ hits: number; window_start: number | string; reset_at: number | string }, { key: string }>(
    db.selectFrom("rate_limits").select(["hits", "window_start", "reset_at"]).where("key", "=", param("key")).compile(),
  );
  return {
    async hit(key, now, windowMs) {
      const start = windowStart(now, windowMs);
      const row = (await db.executeQuery(hit({ key, start, resetAt: start + windowMs }))).rows[0];
      if (row === undefined) throw new Error("the rate-limit upsert returned no row");
      return { count: Number(row.hits), resetAt: Number(row.reset_at) };
    },
    async peek(key, now, windowMs) {
      const start = windowStart(now, windowMs);
      const row = (await db.executeQuery(peek({ key }))).rows[0];
      if (row === undefined || Number(row.window_start) !== start) return { count: 0, resetAt: start + windowMs };
      return { count: Number(row.hits), resetAt: Number(row.reset_at) };
    },
    async reset(key) {
      await db.deleteFrom("rate_limits").where("key", "=", key).execute();
    },
  };
}
