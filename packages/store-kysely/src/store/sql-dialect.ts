import { ConfigError } from "@tessera/core";
import { type Kysely, PostgresAdapter, SqliteAdapter } from "kysely";

/** The SQL dialects the store speaks. */
export const sqlDialects = ["sqlite", "postgres"] as const;
/** See {@link sqlDialects}. */
export type SqlDialect = (typeof sqlDialects)[number];

/** Which of the supported dialects a Kysely instance talks to, from its adapter. */
export function detectSqlDialect(db: Kysely<any>): SqlDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new ConfigError("dialect", "Tessera's store supports SQLite and PostgreSQL only");
}
