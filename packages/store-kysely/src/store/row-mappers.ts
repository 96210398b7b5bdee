import type { RefreshTokenRecord, SessionRecord, StaticTokenRecord, UserRecord } from "@tessera/core";
import type { Selectable } from "kysely";
import type { RefreshTokensTable, SessionsTable, StaticTokensTable, UsersTable } from "../tessera-database.ts";

// A pg pool without Tessera's BIGINT parser returns strings; accept both, so
// a store built on the caller's own pool still yields numbers.
const toTime = (value: number | string | bigint): number => (typeof value === "number" ? value : Number(value));
const toTimeOrNull = (value: number | string | bigint | null): number | null => (value === null ? null : toTime(value));

// A table's whole column list, checked: the argument's type is `never` while some column of `Table` is missing from
// it, so a column added to a table cannot be left out of the joined reads (which select by these lists) unnoticed.
const allColumnsOf =
  <Table>() =>
  <const List extends readonly (keyof Table & string)[]>(list: List & (Exclude<keyof Table, List[number]> extends never ? unknown : never)): List =>
    list;

// Each list starts with a key of its table, never null in a row: a joined read takes a null there for "no row"
// (see combined-read-queries.ts).
/** The columns of `sessions`. */
export const sessionColumns = allColumnsOf<SessionsTable>()(["id", "user_id", "created_at", "expires_at", "last_refreshed_at", "revoked_at", "revoked_reason", "ip", "user_agent"]);
/** The columns of `refresh_tokens`. */
export const refreshTokenColumns = allColumnsOf<RefreshTokensTable>()([
  "hash",
  "session_id",
  "user_id",
  "state",
  "issued_at",
  "expires_at",
  "rotated_at",
  "rotation_nonce",
  "successor_hash",
]);
/** The columns of `users`. */
export const userColumns = allColumnsOf<UsersTable>()(["id", "email", "password_hash", "role", "status", "created_at"]);
/** The columns of `static_tokens`. */
export const staticTokenColumns = allColumnsOf<StaticTokensTable>()(["hash", "user_id", "created_at", "last_used_at"]);
/** A row of {@link sessionColumns}. */
export type SessionRow = Pick<Selectable<SessionsTable>, (typeof sessionColumns)[number]>;

/** Maps a `sessions` row to the core's record. */
export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: toTime(row.created_at),
    expiresAt: toTimeOrNull(row.expires_at),
    lastRefreshedAt: toTime(row.last_refreshed_at),
    revokedAt: toTimeOrNull(row.revoked_at),
    revokedReason: row.revoked_reason,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/** Maps a `refresh_tokens` row to the core's record. */
export function toRefreshTokenRecord(row: Selectable<RefreshTokensTable>): RefreshTokenRecord {
  return {
    hash: row.hash,
    sessionId: row.session_id,
    userId: row.user_id,
    state: row.state,
    issuedAt: toTime(row.issued_at),
    expiresAt: toTime(row.expires_at),
    rotatedAt: toTimeOrNull(row.rotated_at),
    rotationNonce: row.rotation_nonce,
    successorHash: row.successor_hash,
  };
}

/** Maps a `users` row to the core's record. */
export function toUserRecord(row: Selectable<UsersTable>): UserRecord {
  return { id: row.id, email: row.email, passwordHash: row.password_hash, role: row.role, status: row.status, createdAt: toTime(row.created_at) };
}

/** Maps a `static_tokens` row to the core's record. */
export function toStaticTokenRecord(row: Selectable<StaticTokensTable>): StaticTokenRecord {
  return { userId: row.user_id, hash: row.hash, createdAt: toTime(row.created_at), lastUsedAt: toTimeOrNull(row.last_used_at) };
}

/** The number of rows a write changed, as Kysely reports it. */
export function changedRows(result: { readonly numAffectedRows?: bigint }): number {
  return Number(result.numAffectedRows ?? 0n);
}
