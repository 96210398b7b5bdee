/**
 * PostgreSQL through `pg`, for several server instances sharing one database.
 * @module
 */
import { type Dialect, PostgresDialect } from "kysely";
import pg from "pg";

/** Pool settings. */
export interface PostgresOptions {
  /** Most connections this process opens (default 10). */
  readonly max?: number;
}

const int8 = 20;

// pg returns BIGINT as a string because it may exceed 2^53; Tessera's BIGINT
// columns hold epoch milliseconds and counts, which never do, so a value that
// would lose precision is a fault rather than something to round.
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError("a BIGINT column holds a value beyond 2^53");
  return value;
}

/**
 * A pg pool that returns BIGINT columns as numbers. The URL may carry
 * `?options=-c search_path=...` to place the tables in a schema.
 */
export function createPostgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const types = { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === int8 ? parseInt8 : pg.types.getTypeParser(oid, format)) };
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: types as pg.CustomTypesConfig });
  // An idle connection that dies (a database restart) is reported on the pool;
  // unheard, that event would crash the process. The pool drops the client,
  // and the next query either reconnects or fails as a StoreError.
  pool.on("error", () => {});
  return pool;
}

/**
 * A Kysely dialect on PostgreSQL.
 *
 * @example
 * const db = new Kysely<TesseraDatabase>({ dialect: createPostgresDialect("postgres://tessera@db/tessera") });
 */
export function createPostgresDialect(url: string, options: PostgresOptions = {}): Dialect {
  return new PostgresDialect({ pool: createPostgresPool(url, options) });
}
