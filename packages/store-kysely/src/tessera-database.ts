import type { RefreshTokenState, UserStatus } from "@tessera/core";

// Times are epoch milliseconds: BIGINT on PostgreSQL, INTEGER on SQLite.
// Column names are snake_case; rows are mapped to the core's records by hand
// (no CamelCasePlugin), which keeps the hot paths free of per-row transforms.

/** `users`: email is stored normalised and unique on `lower(email)`. */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  role: string;
  status: UserStatus;
  created_at: number;
}

/** `sessions`: one row per login (token family). */
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number | null;
  last_refreshed_at: number;
  revoked_at: number | null;
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** `refresh_tokens`: SHA-256 hashes only; rotated rows keep the nonce for the retry grace. */
export interface RefreshTokensTable {
  hash: string;
  session_id: string;
  user_id: string;
  state: RefreshTokenState;
  issued_at: number;
  expires_at: number;
  rotated_at: number | null;
  rotation_nonce: string | null;
  successor_hash: string | null;
}

/** `static_tokens`: at most one per user, hash unique. */
export interface StaticTokensTable {
  user_id: string;
  hash: string;
  created_at: number;
  last_used_at: number | null;
}

/** `rate_limits`: one fixed window per key. */
export interface RateLimitsTable {
  key: string;
  window_start: number;
  reset_at: number;
  hits: number;
}

/** `signing_keys`: metadata only; key material is derived from the server's secret. */
export interface SigningKeysTable {
  kid: string;
  alg: "HS256";
  created_at: number;
  retired_at: number | null;
}

/** The Kysely database type of Tessera's tables. */
export interface TesseraDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  static_tokens: StaticTokensTable;
  rate_limits: RateLimitsTable;
  signing_keys: SigningKeysTable;
}
