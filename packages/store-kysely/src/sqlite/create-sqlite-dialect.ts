import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type Dialect, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from "kysely";
import { createAsyncLock, sharedFileLock } from "./async-lock.ts";
import { createSqliteDriver } from "./sqlite-driver.ts";
import type { SqliteHandle } from "./sqlite-handle.ts";
import { applySqlitePragmas, isMemoryPath, type SqliteOptions } from "./sqlite-options.ts";

// SQLite runs DDL inside transactions; Kysely's adapter says it does not only
// because it cannot vouch for every driver. Ours can, so migrations become
// atomic and, through BEGIN IMMEDIATE, serialised across processes.
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * A Kysely dialect over a SQLite file opened by `open`: creates the file's
 * directory, applies the pragmas, and shares one lock among this process's
 * connections to the same file.
 */
export function createSqliteDialect(path: string, options: SqliteOptions, open: (path: string) => Promise<SqliteHandle>): Dialect {
  const memory = isMemoryPath(path);
  const lock = memory ? createAsyncLock() : sharedFileLock(resolve(path));
  const openConfigured = async () => {
    if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
    const handle = await open(path);
    try {
      applySqlitePragmas(handle, path, options);
    } catch (error) {
      handle.close();
      throw error;
    }
    return handle;
  };
  return {
    createAdapter: () => new TransactionalSqliteAdapter(),
    createDriver: () => createSqliteDriver(openConfigured, lock),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
