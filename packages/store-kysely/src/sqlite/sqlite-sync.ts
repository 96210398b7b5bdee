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

/** What {@link SqliteSyncConnection.tryNow} returns when it could not run the work now. */
export const notNow: unique symbol = Symbol("notNow");

/** A Kysely connection that also offers {@link SqliteSync}. */
export interface SqliteSyncConnection extends DatabaseConnection {
  readonly sync: SqliteSync;
  /**
   * Runs synchronous `work` at once, without going through Kysely's connection
   * provider, when nothing else in this process holds the file's lock (a
   * Kysely transaction that awaits between statements does); {@link notNow}
   * when something does, or the connection is closed. Work that is entirely
   * synchronous cannot interleave with anything, so no lock need be held
   * across a tick: taking Kysely's path would cost several promise hops per
   * look-up for nothing.
   */
  tryNow<T>(work: (sync: SqliteSync) => T): T | typeof notNow;
}

/** True for a connection of Tessera's SQLite driver (not, e.g., Kysely's own SqliteDriver). */
export function hasSqliteSync(connection: DatabaseConnection): connection is SqliteSyncConnection {
  return typeof (connection as Partial<SqliteSyncConnection>).sync?.run === "function";
}
