/**
 * Tessera's SQL store on Kysely: SQLite for one server (bun:sqlite,
 * better-sqlite3 or node:sqlite), PostgreSQL for several. This entry is
 * runtime-neutral: each driver is loaded only by its own entry
 * (`./bun-sqlite`, `./better-sqlite3`, `./node-sqlite`, `./postgres`), which
 * {@link openStore} imports for the runtime it runs on.
 * @module
 */
export { createKyselyStore, type KyselyStore } from "./create-kysely-store.ts";
export { migrateToLatest } from "./migrate-to-latest.ts";
export { openStore, type OpenStoreOptions } from "./open-store.ts";
export type { PruneOptions } from "./store/prune.ts";
export type { SigningKeyStore, StoredSigningKey } from "./store/signing-keys.ts";
export { type SqlDialect, sqlDialects } from "./store/sql-dialect.ts";
export type {
  RateLimitsTable,
  RefreshTokensTable,
  SessionsTable,
  SigningKeysTable,
  StaticTokensTable,
  TesseraDatabase,
  UsersTable,
} from "./tessera-database.ts";
