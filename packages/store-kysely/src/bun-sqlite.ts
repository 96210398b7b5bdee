/**
 * SQLite on Bun through bun:sqlite, the reference server's default store.
 * A separate entry so that Node and Deno never load bun:sqlite.
 * @module
 */
import type { Dialect } from "kysely";
import { createSqliteDialect } from "./sqlite/create-sqlite-dialect.ts";
import type { SqliteHandle } from "./sqlite/sqlite-handle.ts";
import type { SqliteOptions } from "./sqlite/sqlite-options.ts";

export type { SqliteOptions } from "./sqlite/sqlite-options.ts";

/** The subset of bun:sqlite that Tessera uses. */
interface BunStatement {
  readonly columnNames: readonly string[];
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  finalize(): void;
}
interface BunDatabase {
  prepare(sql: string): BunStatement;
  exec(sql: string): void;
  close(): void;
}
interface BunSqliteModule {
  Database: new (path: string, options: { create: boolean }) => BunDatabase;
}

// A computed specifier: this package is type-checked without bun-types, and
// the module exists only on Bun, where this entry is loaded.
const bunSqliteModule = "bun:sqlite";

async function openBunSqlite(path: string): Promise<SqliteHandle> {
  const { Database } = (await import(bunSqliteModule)) as BunSqliteModule;
  const database = new Database(path, { create: true });
  return {
    prepare(sql) {
      const statement = database.prepare(sql);
      return {
        reader: statement.columnNames.length > 0,
        all: (parameters) => statement.all(...parameters),
        run: (parameters) => statement.run(...parameters),
        finalize: () => statement.finalize(),
      };
    },
    exec: (sql) => database.exec(sql),
    close: () => database.close(),
  };
}

/**
 * A Kysely dialect on a bun:sqlite file (or `:memory:`), in WAL mode.
 *
 * @example
 * const db = new Kysely<TesseraDatabase>({ dialect: createBunSqliteDialect("data/tessera.db") });
 * await migrateToLatest(db);
 * const store = createKyselyStore(db, "sqlite");
 */
export function createBunSqliteDialect(path: string, options: SqliteOptions = {}): Dialect {
  return createSqliteDialect(path, options, openBunSqlite);
}
