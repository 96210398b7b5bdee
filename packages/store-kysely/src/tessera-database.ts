import type { UserStatus } from "@tessera/core";

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

/** The columns of `sessions` that make a session record. */
export interface SessionRecordColumns {
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

/**
 * The columns of `sessions` that hold its token family's state (migration
 * 0003): the hash of its one live refresh token, and the facts of its last
 * rotation, which the retry grace needs. A rotation is a compare-and-set on
 * `current_hash`; token rows never change after their insert.
 */
export interface SessionRotationColumns {
  /** The session's live refresh token; every other token row of the session is rotated. */
  current_hash: string | null;
  /** The token spent by the last rotation, its time and the nonce its successor (`current_hash`) derives from. */
  previous_hash: string | null;
  previous_rotated_at: number | null;
  previous_nonce: string | null;
}

/** `sessions`: one row per login (token family). */
export interface SessionsTable extends SessionRecordColumns, SessionRotationColumns {}

/**
 * `refresh_tokens`: SHA-256 hashes only, written once each. Whether a token is
 * live or rotated, and the facts of its rotation, are its session's
 * ({@link SessionRotationColumns}).
 */
export interface RefreshTokensTable {
  hash: string;
  session_id: string;
  user_id: string;
  issued_at: number;
  expires_at: number;
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
