/** The states a refresh token goes through: issued `live`, then `rotated` once spent. */
export const refreshTokenStates = ["live", "rotated"] as const;
/** See {@link refreshTokenStates}. */
export type RefreshTokenState = (typeof refreshTokenStates)[number];

/** Account states; only `active` users can log in or use any token. */
export const userStatuses = ["active", "suspended"] as const;
/** See {@link userStatuses}. */
export type UserStatus = (typeof userStatuses)[number];

/** A user as the core sees it. `email` is stored normalised (trimmed, lower case). */
export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly role: string;
  readonly status: UserStatus;
  readonly createdAt: number;
}

/** A session is a token family: one login and every refresh token rotated from it. */
export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: number;
  /** Hard end of the session (`sessionMaxAgeMs`), or null when uncapped. */
  readonly expiresAt: number | null;
  readonly lastRefreshedAt: number;
  readonly revokedAt: number | null;
  readonly revokedReason: string | null;
  /** The client that logged in, for listing sessions; never a secret. */
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/**
 * A refresh token. Only the SHA-256 of the token is stored. When rotated, the
 * store keeps the nonce from which the successor is re-derived during the
 * retry grace (successor = HMAC(presented token, nonce)), so no usable token is
 * ever stored; a store may keep it for a session's last rotation only (see
 * `Store.rotateRefreshToken`).
 */
export interface RefreshTokenRecord {
  readonly hash: string;
  readonly sessionId: string;
  readonly userId: string;
  readonly state: RefreshTokenState;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly rotatedAt: number | null;
  readonly rotationNonce: string | null;
  readonly successorHash: string | null;
}

/** A user's static token, stored as a hash; at most one per user. */
export interface StaticTokenRecord {
  readonly userId: string;
  readonly hash: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

/** Returns the email as stored and looked up: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
