/**
 * The subset of a synchronous SQLite driver that Tessera needs. bun:sqlite,
 * better-sqlite3 and node:sqlite are each wrapped into this shape, so the
 * driver below knows no driver's own types (as Kysely's dialects do).
 */
export interface SqliteHandle {
  prepare(sql: string): SqliteStatementHandle;
  /** Runs SQL that returns nothing (pragmas). */
  exec(sql: string): void;
  close(): void;
}

/** A prepared statement: `reader` says whether it returns rows. */
export interface SqliteStatementHandle {
  readonly reader: boolean;
  all(parameters: readonly unknown[]): unknown[];
  run(parameters: readonly unknown[]): { readonly changes: number | bigint; readonly lastInsertRowid: number | bigint };
  /**
   * Releases the statement. bun:sqlite needs it: a connection closed with
   * unfinalized statements stays open as a zombie, file locks included.
   */
  finalize(): void;
}
