import type { AccessClaims } from "../jwt/access-claims.ts";
import type { Policy } from "../policy.ts";
import type { SessionRecord, UserRecord } from "../records.ts";

/** Reasons a signed access token is refused. `expired` maps to `TOKEN_EXPIRED`, the rest to `INVALID_TOKEN`. */
export type AccessRejection = "expired" | "bad_claims" | "revoked" | "session_expired" | "user_inactive";

/** Session and user as looked up for session binding; absent in stateless binding. */
export interface AccessRecords {
  readonly session: SessionRecord | null;
  readonly user: UserRecord | null;
}

/** The claims' own time and issuer checks: accepted iff `now < exp`, `iat` not ahead by more than the tolerance. */
export function decideAccessClaims(claims: AccessClaims, now: number, policy: Policy): AccessRejection | null {
  if (claims.iss !== policy.issuer || claims.exp <= claims.iat) return "bad_claims";
  if (claims.iat * 1000 > now + policy.clockToleranceMs) return "bad_claims";
  if (now >= claims.exp * 1000) return "expired";
  return null;
}

/** Rule 6 for session binding: the token's session is live and its user active. */
export function decideAccessBinding(claims: AccessClaims, records: AccessRecords, now: number): AccessRejection | null {
  const { session, user } = records;
  if (session === null || session.userId !== claims.sub || session.revokedAt !== null) return "revoked";
  if (session.expiresAt !== null && now >= session.expiresAt) return "session_expired";
  if (user === null || user.status !== "active") return "user_inactive";
  return null;
}

/** The `exp` claim (epoch seconds) of a token issued now; the token lives at most `accessTtlMs`. */
export function accessExpirySeconds(now: number, policy: Policy): number {
  return Math.floor((now + policy.accessTtlMs) / 1000);
}
