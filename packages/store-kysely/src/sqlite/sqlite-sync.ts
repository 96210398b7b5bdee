import type { CompiledQuery, DatabaseConnection } from "kysely";

/**
 * Synchronous statements on a connection of Tessera's SQLite driver. The
 * rotation runs its whole write transaction through it: no await between
 * BEGIN and COMMIT, so nothing else in the process can interleave, and none
 * of Kysely's per-query promises (which cost more than the statements).
 */
export interface SqliteSync {
  /** The rows a query returns. */
  all<R>(query: CompiledQuery<R>): R[];
  /** Runs a statement; returns how many rows it changed. */
  run(query: CompiledQuery): number;
}

/** A Kysely connection that also offers {@link SqliteSync}. */
export interface SqliteSyncConnection extends DatabaseConnection {
  readonly sync: SqliteSync;
}

/** True for a connection of Tessera's SQLite driver (not, e.g., Kysely's own SqliteDriver). */
export function hasSqliteSync(connection: DatabaseConnection): connection is SqliteSyncConnection {
  return typeof (connection as Partial<SqliteSyncConnection>).sync?.run === "function";
}
