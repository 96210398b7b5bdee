import { CompiledQuery, type Kysely } from "kysely";
import { hasSqliteSync, notNow, type SqliteSync, type SqliteSyncConnection } from "../sqlite/sqlite-sync.ts";

const beginImmediate = CompiledQuery.raw("begin immediate");
const commit = CompiledQuery.raw("commit");
const rollback = CompiledQuery.raw("rollback");

/**
 * Runs `work` synchronously on the connection, holding it (and so the file
 * lock its driver shares) for exactly that long; `fallback` instead when the
 * Kysely instance is not on Tessera's SQLite driver.
 */
export type SqliteSyncRunner = <T>(work: (sqlite: SqliteSync) => T, fallback: () => Promise<T>) => Promise<T>;

/**
 * Builds the {@link SqliteSyncRunner} of a Kysely instance; the first call
 * finds out which driver it has. The work runs at once when the file's lock is
 * free ({@link SqliteSyncConnection.tryNow}), and waits its turn through
 * Kysely's connection provider otherwise.
 */
export function createSqliteSyncRunner(db: Kysely<any>): SqliteSyncRunner {
  const executor = db.getExecutor();
  let connection: SqliteSyncConnection | null | undefined;
  return async (work, fallback) => {
    connection ??= await executor.provideConnection(async (found) => (hasSqliteSync(found) ? found : null));
    if (connection === null) return fallback();
    const result = connection.tryNow(work);
    if (result !== notNow) return result;
    return executor.provideConnection(async (held) => work((held as SqliteSyncConnection).sync));
  };
}

/**
 * `work` inside BEGIN IMMEDIATE ... COMMIT, rolled back if it throws. Taking
 * the write lock up front means a concurrent writer in another process makes
 * this wait (busy_timeout) rather than fail half-way.
 */
export function inWriteTransaction<T>(sqlite: SqliteSync, work: () => T): T {
  sqlite.run(beginImmediate);
  try {
    const result = work();
    sqlite.run(commit);
    return result;
  } catch (error) {
    try {
      sqlite.run(rollback);
    } catch {
      // Nothing left to roll back (a failed COMMIT may already have): the original error matters.
    }
    throw error;
  }
}
