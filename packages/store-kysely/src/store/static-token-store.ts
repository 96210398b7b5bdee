import type { Store } from "@tessera/core";
import type { Kysely } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";
import { param, prepareQuery } from "./prepared-query.ts";
import type { RecordLookUps } from "./record-look-ups.ts";

/** The static-token half of the {@link Store} port. */
export type StaticTokenStore = Pick<Store, "putStaticToken" | "findStaticToken" | "deleteStaticToken" | "touchStaticToken">;

/** Static tokens in SQL: one row per user, so replacing is a single upsert. */
export function createStaticTokenStore(db: Kysely<TesseraDatabase>, lookUps: Pick<RecordLookUps, "findStaticToken">): StaticTokenStore {
  const touch = prepareQuery<never, { hash: string; at: number }>(
    db.updateTable("static_tokens").set({ last_used_at: param("at") }).where("hash", "=", param("hash")).compile(),
  );
  return {
    async putStaticToken(record) {
      const row = { user_id: record.userId, hash: record.hash, created_at: record.createdAt, last_used_at: record.lastUsedAt };
      await db
        .insertInto("static_tokens")
        .values(row)
        .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ hash: row.hash, created_at: row.created_at, last_used_at: row.last_used_at }))
        .execute();
    },
    // On every request that carries a static token: with the other hot look-ups.
    findStaticToken: lookUps.findStaticToken,
    async deleteStaticToken(userId) {
      const result = await db.deleteFrom("static_tokens").where("user_id", "=", userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async touchStaticToken(hash, at) {
      await db.executeQuery(touch({ hash, at }));
    },
  };
}

