/**
 * SQLite on Node through better-sqlite3: Node 20 has no built-in SQLite
 * (node:sqlite arrived in 22.5), and better-sqlite3 is the fastest
 * synchronous binding. A separate entry, because Bun and Deno must not load
 * its native addon (Deno refuses nan addons outright).
 * @module
 */
import type { Dialect } from "kysely";
import { createSqliteDialect } from "./sqlite/create-sqlite-dialect.ts";
import type { SqliteHandle } from "./sqlite/sqlite-handle.ts";
import type { SqliteOptions } from "./sqlite/sqlite-options.ts";

export type { SqliteOptions } from "./sqlite/sqlite-options.ts";

async function openBetterSqlite3(path: string): Promise<SqliteHandle> {
  const { default: Database } = await import("better-sqlite3");
  const database = new Database(path);
  return {
    prepare(sql) {
      const statement = database.prepare(sql);
      return {
        reader: statement.reader,
        all: (parameters) => statement.all(...parameters),
        run: (parameters) => statement.run(...parameters),
        // Finalized by the garbage collector, and by close().
        finalize: () => {},
      };
    },
    exec: (sql) => void database.exec(sql),
    close: () => void database.close(),
  };
}

/**
 * A Kysely dialect on a better-sqlite3 file (or `:memory:`), in WAL mode.
 *
 * @example
 * const db = new Kysely<TesseraDatabase>({ dialect: createBetterSqlite3Dialect("data/tessera.db") });
 */
export function createBetterSqlite3Dialect(path: string, options: SqliteOptions = {}): Dialect {
  return createSqliteDialect(path, options, openBetterSqlite3);
}
