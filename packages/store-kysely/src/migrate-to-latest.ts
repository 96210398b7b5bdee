import { StoreError } from "@tessera/core";
import { type Kysely, type Migration, Migrator, sql } from "kysely";
import { initialSchema } from "./migrations/0001-initial-schema.ts";
import { unindexedRefreshTokens } from "./migrations/0002-unindexed-refresh-tokens.ts";
import { sessionRowRotation } from "./migrations/0003-session-row-rotation.ts";
import { detectSqlDialect } from "./store/sql-dialect.ts";
import type { TesseraDatabase } from "./tessera-database.ts";

// Migrations are code, not files read at run time, so they work from a
// bundle, on every runtime, and in the built dist alike. Names sort in order.
const migrations: Record<string, Migration> = {
  "0001-initial-schema": initialSchema,
  "0002-unindexed-refresh-tokens": unindexedRefreshTokens,
  "0003-session-row-rotation": sessionRowRotation,
};

/**
 * Brings the schema up to date with Kysely's Migrator. Safe to run from
 * several processes at once: PostgreSQL takes an advisory lock, SQLite a
 * BEGIN IMMEDIATE transaction (with Tessera's SQLite dialects).
 *
 * @example
 * await migrateToLatest(db);
 */
export async function migrateToLatest(db: Kysely<TesseraDatabase>): Promise<void> {
  // Unless told its schema, the Migrator looks for its own tables in every
  // schema of a PostgreSQL database, so another schema's kysely_migration
  // would make it skip creating ours. Pin it to the schema we are in.
  const schema = detectSqlDialect(db) === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const provider = { getMigrations: async () => migrations };
  const migrator = new Migrator(schema === undefined ? { db, provider } : { db, provider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new StoreError(`migration ${failed ?? "setup"} failed`, { cause: error });
  }
}
