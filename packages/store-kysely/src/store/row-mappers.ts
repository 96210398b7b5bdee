import type { RefreshTokenRecord, SessionRecord, StaticTokenRecord, UserRecord } from "@tessera/core";
import type { Selectable } from "kysely";
import type { RefreshTokensTable, SessionRecordColumns, SessionRotationColumns, StaticTokensTable, UsersTable } from "../tessera-database.ts";

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
/** The columns of `sessions` that make a session record. */
export const sessionColumns = allColumnsOf<SessionRecordColumns>()(["id", "user_id", "created_at", "expires_at", "last_refreshed_at", "revoked_at", "revoked_reason", "ip", "user_agent"]);
/** The columns of `sessions` that hold its token family's state. */
export const sessionRotationColumns = allColumnsOf<SessionRotationColumns>()(["current_hash", "previous_hash", "previous_rotated_at", "previous_nonce"]);
/** The columns of `refresh_tokens`. */
export const refreshTokenColumns = allColumnsOf<RefreshTokensTable>()(["hash", "session_id", "user_id", "issued_at", "expires_at"]);
/** The columns of `users`. */
export const userColumns = allColumnsOf<UsersTable>()(["id", "email", "password_hash", "role", "status", "created_at"]);
/** The columns of `static_tokens`. */
export const staticTokenColumns = allColumnsOf<StaticTokensTable>()(["hash", "user_id", "created_at", "last_used_at"]);
/** A row of {@link sessionColumns}. */
export type SessionRow = Selectable<SessionRecordColumns>;
/** A row of {@link sessionRotationColumns}. */
export type SessionRotationRow = Selectable<SessionRotationColumns>;

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

/**
 * Maps a `refresh_tokens` row and its session's rotation columns to the
 * core's record. The session's `current_hash` is live, every other token of
 * it rotated; only the token spent by the session's last rotation
 * (`previous_hash`) carries the facts of its rotation. An earlier token's
 * successor has itself been spent, so the retry grace cannot apply to it and
 * its facts are not kept: it reads as rotated with them null, which
 * `decideRefresh` answers as reuse, as it would with them.
 */
export function toRefreshTokenRecord(row: Selectable<RefreshTokensTable>, family: SessionRotationRow): RefreshTokenRecord {
  const live = family.current_hash === row.hash;
  const last = !live && family.previous_hash === row.hash;
  return {
    hash: row.hash,
    sessionId: row.session_id,
    userId: row.user_id,
    state: live ? "live" : "rotated",
    issuedAt: toTime(row.issued_at),
    expiresAt: toTime(row.expires_at),
    rotatedAt: last ? toTimeOrNull(family.previous_rotated_at) : null,
    rotationNonce: last ? family.previous_nonce : null,
    successorHash: last ? family.current_hash : null,
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
