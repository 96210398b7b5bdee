import type { Policy } from "../policy.ts";
import type { Rotation } from "../ports/store.ts";
import type { RefreshTokenRecord, SessionRecord, UserRecord } from "../records.ts";

/** What is known when a refresh token is presented. */
export interface RefreshRecords {
  readonly token: RefreshTokenRecord | null;
  readonly session: SessionRecord | null;
  /** The token's successor, when it was rotated. */
  readonly successor: RefreshTokenRecord | null;
  readonly user: UserRecord | null;
}

/** Reasons a refresh is refused. */
export type RefreshRejection = "unknown" | "revoked" | "user_inactive" | "session_expired" | "expired" | "reused";

/** The decision on a presented refresh token. */
export type RefreshVerdict =
  | { readonly kind: "rotate" }
  | { readonly kind: "retry"; readonly nonce: string; readonly successorHash: string }
  | { readonly kind: "reject"; readonly reason: RefreshRejection; readonly revokeSession: boolean };

const reject = (reason: RefreshRejection, revokeSession = false): RefreshVerdict => ({ kind: "reject", reason, revokeSession });

/**
 * Rotation rules 1 to 4 of DESIGN.md as one pure function. Checks run in a fixed
 * order: unknown, revoked, inactive user, session cap; then a live token is
 * rotated unless it has expired; a rotated token gets the same successor within
 * the grace window while that successor is unused, and any other use of it,
 * expired or not, is reuse, which revokes the session (rule 3: an old stolen
 * token presented late must still raise the alarm).
 */
export function decideRefresh(records: RefreshRecords, now: number, policy: Policy): RefreshVerdict {
  const { token, session, successor, user } = records;
  if (token === null || session === null || session.id !== token.sessionId) return reject("unknown");
  if (session.revokedAt !== null) return reject("revoked");
  if (user === null || user.status !== "active") return reject("user_inactive");
  if (session.expiresAt !== null && now >= session.expiresAt) return reject("session_expired");
  if (token.state === "live") return now >= token.expiresAt ? reject("expired") : { kind: "rotate" };
  const withinGrace = token.rotatedAt !== null && now < token.rotatedAt + policy.reuseGraceMs;
  const successorUnused = successor !== null && successor.state === "live" && successor.hash === token.successorHash;
  if (withinGrace && successorUnused && token.rotationNonce !== null && token.successorHash !== null) {
    return { kind: "retry", nonce: token.rotationNonce, successorHash: token.successorHash };
  }
  return reject("reused", true);
}

/** When a refresh token issued now expires: a full TTL, capped by the session's hard end. */
export function refreshExpiry(now: number, session: Pick<SessionRecord, "expiresAt">, policy: Policy): number {
  const full = now + policy.refreshTtlMs;
  return session.expiresAt === null ? full : Math.min(full, session.expiresAt);
}

/** The atomic change that spends `token` and issues its successor. */
export function planRotation(
  token: RefreshTokenRecord,
  session: SessionRecord,
  now: number,
  policy: Policy,
  draw: { readonly nonce: string; readonly successorHash: string },
): Rotation {
  return {
    presentedHash: token.hash,
    sessionId: session.id,
    rotatedAt: now,
    rotationNonce: draw.nonce,
    successor: liveToken(draw.successorHash, session, now, policy),
  };
}

/** A refresh token issued now in a session: live, with a full TTL capped by the session's hard end. */
function liveToken(hash: string, session: SessionRecord, now: number, policy: Policy): RefreshTokenRecord {
  return {
    hash,
    sessionId: session.id,
    userId: session.userId,
    state: "live",
    issuedAt: now,
    expiresAt: refreshExpiry(now, session, policy),
    rotatedAt: null,
    rotationNonce: null,
    successorHash: null,
  };
}

/** The records of a new session and its first refresh token. */
export function planSession(
  user: UserRecord,
  now: number,
  policy: Policy,
  draw: { readonly sessionId: string; readonly tokenHash: string },
  client: { readonly ip: string | null; readonly userAgent: string | null },
): { readonly session: SessionRecord; readonly token: RefreshTokenRecord } {
  const session: SessionRecord = {
    id: draw.sessionId,
    userId: user.id,
    createdAt: now,
    expiresAt: policy.sessionMaxAgeMs === null ? null : now + policy.sessionMaxAgeMs,
    lastRefreshedAt: now,
    revokedAt: null,
    revokedReason: null,
    ip: client.ip,
    userAgent: client.userAgent,
  };
  return { session, token: liveToken(draw.tokenHash, session, now, policy) };
}
