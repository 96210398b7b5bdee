import type { RefreshTokenRecord, SessionRecord, StaticTokenRecord, UserRecord } from "@tessera/core";
import type { Selectable } from "kysely";
import type { RefreshTokensTable, SessionsTable, StaticTokensTable, UsersTable } from "../tessera-database.ts";

// A pg pool without Tessera's BIGINT parser returns strings; accept both, so
// a store built on the caller's own pool still yields numbers.
const toTime = (value: number | string | bigint): number => (typeof value === "number" ? value : Number(value));
const toTimeOrNull = (value: number | string | bigint | null): number | null => (value === null ? null : toTime(value));

/** The session columns a record needs. */
export const sessionColumns = ["id", "user_id", "created_at", "expires_at", "last_refreshed_at", "revoked_at", "revoked_reason", "ip", "user_agent"] as const;
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
