/**
 * SQLite through the built-in `node:sqlite` (DatabaseSync): what Deno uses,
 * since Deno cannot load better-sqlite3's nan addon; also works on Node 22.5+.
 * @module
 */
import type { Dialect } from "kysely";
import { createSqliteDialect } from "./sqlite/create-sqlite-dialect.ts";
import type { SqliteHandle } from "./sqlite/sqlite-handle.ts";
import type { SqliteOptions } from "./sqlite/sqlite-options.ts";

export type { SqliteOptions } from "./sqlite/sqlite-options.ts";

/** The subset of node:sqlite that Tessera uses. */
interface NodeStatement {
  columns?(): readonly unknown[];
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
}
interface NodeSqliteModule {
  DatabaseSync: new (path: string) => { prepare(sql: string): NodeStatement; exec(sql: string): void; close(): void };
}

// A computed specifier: @types/node 20 does not declare node:sqlite.
const nodeSqliteModule = "node:sqlite";
// Runtimes whose StatementSync lacks columns() (Node before 23.11): a
// statement returns rows when it selects or has a RETURNING clause.
const readerPattern = /^\s*(select|with|pragma|values)\b|\breturning\b/i;

async function openNodeSqlite(path: string): Promise<SqliteHandle> {
  const { DatabaseSync } = (await import(nodeSqliteModule)) as NodeSqliteModule;
  const database = new DatabaseSync(path);
  return {
    prepare(sql) {
      const statement = database.prepare(sql);
      return {
        reader: statement.columns === undefined ? readerPattern.test(sql) : statement.columns().length > 0,
        all: (parameters) => statement.all(...parameters),
        run: (parameters) => statement.run(...parameters),
        // Finalized by the garbage collector, and by close().
        finalize: () => {},
      };
    },
    exec: (sql) => database.exec(sql),
    close: () => database.close(),
  };
}

/**
 * A Kysely dialect on a node:sqlite file (or `:memory:`), in WAL mode.
 *
 * @example
 * const db = new Kysely<TesseraDatabase>({ dialect: createNodeSqliteDialect("data/tessera.db") });
 */
export function createNodeSqliteDialect(path: string, options: SqliteOptions = {}): Dialect {
  return createSqliteDialect(path, options, openNodeSqlite);
}
