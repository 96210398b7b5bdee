import type { Store } from "@tessera/core";
import type { Kysely } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";
import { param, prepareQuery } from "./prepared-query.ts";
import { toStaticTokenRecord } from "./row-mappers.ts";
import { createRowReader, type SqliteSyncRunner } from "./sqlite-sync-runner.ts";

/** The static-token half of the {@link Store} port. */
export type StaticTokenStore = Pick<Store, "putStaticToken" | "findStaticToken" | "deleteStaticToken" | "touchStaticToken">;

/** Static tokens in SQL: one row per user, so replacing is a single upsert. */
export function createStaticTokenStore(db: Kysely<TesseraDatabase>, runSync: SqliteSyncRunner): StaticTokenStore {
  const find = prepareQuery<Parameters<typeof toStaticTokenRecord>[0], { hash: string }>(
    db.selectFrom("static_tokens").selectAll().where("hash", "=", param("hash")).compile(),
  );
  const touch = prepareQuery<never, { hash: string; at: number }>(
    db.updateTable("static_tokens").set({ last_used_at: param("at") }).where("hash", "=", param("hash")).compile(),
  );
  // On every request that carries a static token: straight to the cached statement, like the other token look-ups.
  const read = createRowReader(db, runSync);
  return {
    async putStaticToken(record) {
      const row = { user_id: record.userId, hash: record.hash, created_at: record.createdAt, last_used_at: record.lastUsedAt };
      await db
        .insertInto("static_tokens")
        .values(row)
        .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ hash: row.hash, created_at: row.created_at, last_used_at: row.last_used_at }))
        .execute();
    },
    async findStaticToken(hash) {
      const row = (await read(find({ hash })))[0];
      return row === undefined ? null : toStaticTokenRecord(row);
    },
    async deleteStaticToken(userId) {
      const result = await db.deleteFrom("static_tokens").where("user_id", "=", userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async touchStaticToken(hash, at) {
      await db.executeQuery(touch({ hash, at }));
    },
  };
}

