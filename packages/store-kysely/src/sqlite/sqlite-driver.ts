import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from "kysely";
import type { AsyncLock } from "./async-lock.ts";
import type { SqliteHandle, SqliteStatementHandle } from "./sqlite-handle.ts";
import { notNow, type SqliteSync, type SqliteSyncConnection } from "./sqlite-sync.ts";

// The hot paths run a handful of distinct statements; the cap only bounds
// one-off SQL (migrations, ad-hoc queries) so the cache cannot grow forever.
const statementCacheSize = 256;

function createSqliteConnection(handle: SqliteHandle, lock: AsyncLock): SqliteSyncConnection & { close(): void } {
  let closed = false;
  const statements = new Map<string, SqliteStatementHandle>();
  const prepare = (sql: string): SqliteStatementHandle => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = handle.prepare(sql);
      if (statements.size >= statementCacheSize) {
        const [oldest, evicted] = statements.entries().next().value as [string, SqliteStatementHandle];
        statements.delete(oldest);
        evicted.finalize();
      }
      statements.set(sql, statement);
    }
    return statement;
  };
  const sync: SqliteSync = {
    all: <R>(query: CompiledQuery<R>) => prepare(query.sql).all(query.parameters) as R[],
    run: (query) => Number(prepare(query.sql).run(query.parameters).changes),
  };
  return {
    sync,
    tryNow(work) {
      if (closed) return notNow;
      const release = lock.tryAcquire();
      if (release === null) return notNow;
      try {
        return work(sync);
      } finally {
        release();
      }
    },
    close() {
      closed = true;
      for (const statement of statements.values()) statement.finalize();
      statements.clear();
      handle.close();
    },
    async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
      const statement = prepare(compiled.sql);
      if (statement.reader) return { rows: statement.all(compiled.parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(compiled.parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    },
    async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
      throw new Error("streaming is not supported by Tessera's SQLite driver");
    },
  };
}

/**
 * A Kysely driver over one synchronous SQLite connection. Unlike Kysely's own
 * SqliteDriver it caches prepared statements (better-sqlite3 and node:sqlite
 * recompile on every `prepare`), opens write transactions with
 * `BEGIN IMMEDIATE` (a deferred transaction that reads first can fail with
 * SQLITE_BUSY when it later writes, without waiting), and takes `lock`, which
 * same-process connections to one file share.
 */
export function createSqliteDriver(open: () => Promise<SqliteHandle>, lock: AsyncLock): Driver {
  let connection: ReturnType<typeof createSqliteConnection> | undefined;
  let release: (() => void) | undefined;
  const run = async (target: DatabaseConnection, sql: string) => {
    await target.executeQuery(CompiledQuery.raw(sql));
  };
  return {
    async init() {
      connection = createSqliteConnection(await open(), lock);
    },
    async acquireConnection() {
      if (connection === undefined) throw new Error("the SQLite driver was not initialised");
      release = await lock.acquire();
      return connection;
    },
    beginTransaction: (target) => run(target, "begin immediate"),
    commitTransaction: (target) => run(target, "commit"),
    rollbackTransaction: (target) => run(target, "rollback"),
    async releaseConnection() {
      const done = release;
      release = undefined;
      done?.();
    },
    async destroy() {
      connection?.close();
      connection = undefined;
    },
  };
}
