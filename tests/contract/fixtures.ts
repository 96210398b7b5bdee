import type { RateLimiter, RefreshTokenRecord, Rotation, SessionRecord, Store, UserDirectory, UserRecord } from "@tessera/core";
import type { KyselyStore } from "@tessera/store-kysely";

/** One store under test, fresh and empty, with the ports it offers. */
export interface StoreUnderTest {
  readonly store: Store;
  readonly users: UserDirectory;
  readonly rateLimiter: RateLimiter;
  /** SQL stores only: the store with its upkeep methods. */
  readonly sql?: KyselyStore;
  /** SQL stores only: a second, independent connection (or pool) to the same database. */
  readonly openSecond?: () => Promise<KyselyStore>;
  close(): Promise<void>;
}

/** Builds a fresh store for one test. */
export type StoreFactory = () => Promise<StoreUnderTest>;

/** A time well past 2^32 ms, so a 32-bit column or a string BIGINT would show. */
export const t0 = 1_767_225_600_000;

/** A session record with every nullable field set to null unless overridden. */
export function makeSession(id: string, userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return { id, userId, createdAt: t0, expiresAt: null, lastRefreshedAt: t0, revokedAt: null, revokedReason: null, ip: null, userAgent: null, ...overrides };
}

/** A live refresh token of `session`. */
export function makeToken(hash: string, session: SessionRecord, overrides: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord {
  return {
    hash,
    sessionId: session.id,
    userId: session.userId,
    state: "live",
    issuedAt: t0,
    expiresAt: t0 + 7 * 86_400_000,
    rotatedAt: null,
    rotationNonce: null,
    successorHash: null,
    ...overrides,
  };
}

/** The rotation that spends `token` at `at` for a successor with hash `successorHash`. */
export function makeRotation(token: RefreshTokenRecord, successorHash: string, at = t0 + 1000, nonce = `nonce-${successorHash}`): Rotation {
  return {
    presentedHash: token.hash,
    sessionId: token.sessionId,
    rotatedAt: at,
    rotationNonce: nonce,
    successor: { ...token, hash: successorHash, issuedAt: at, expiresAt: at + 7 * 86_400_000, state: "live", rotatedAt: null, rotationNonce: null, successorHash: null },
  };
}

/** A user record. */
export function makeUser(id: string, email: string, overrides: Partial<UserRecord> = {}): UserRecord {
  return { id, email, passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", role: "user", status: "active", createdAt: t0, ...overrides };
}
