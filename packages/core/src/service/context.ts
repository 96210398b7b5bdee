import type { Decisions } from "../decisions/decisions.ts";
import type { EventListener, EventType } from "../events.ts";
import type { Keyring } from "../jwt/keyring.ts";
import type { Policy } from "../policy.ts";
import type { Clock } from "../ports/clock.ts";
import type { CombinedReads, combinedReadsOf } from "../ports/combined-reads.ts";
import type { CryptoPort } from "../ports/crypto.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { Random } from "../ports/random.ts";
import type { RateLimiter } from "../ports/rate-limiter.ts";
import type { Store } from "../ports/store.ts";
import type { UserDirectory } from "../ports/user-directory.ts";
import { encodeBase64url } from "../util/base64url.ts";

/** Everything a service operation may touch, resolved once by `createTessera`. */
export interface ServiceContext {
  readonly clock: Clock;
  readonly random: Random;
  readonly crypto: CryptoPort;
  readonly store: Store;
  readonly users: UserDirectory;
  /** The look-ups of one request, read together when the store can (see {@link combinedReadsOf}). */
  readonly combinedReads: CombinedReads;
  readonly passwords: PasswordHasher;
  readonly rateLimiter: RateLimiter;
  readonly policy: Policy;
  /** The pure decisions; the defaults except in tests that prove the property tests have teeth. */
  readonly decisions: Decisions;
  /** Read on every use, so that the signing key can be rotated at run time. */
  keyring(): Keyring;
  emit(type: EventType, at: number, userId: string | null, sessionId: string | null, reason?: string): void;
  /** A hash of a random password, verified when an email is unknown so that it costs the same as a wrong password. */
  dummyPasswordHash(): Promise<string>;
}

/** Wraps a listener so that a throwing listener cannot break an operation. */
export function createEmitter(listener: EventListener | undefined): ServiceContext["emit"] {
  return (type, at, userId, sessionId, reason) => {
    if (listener === undefined) return;
    try {
      listener(reason === undefined ? { type, at, userId, sessionId } : { type, at, userId, sessionId, reason });
    } catch {
      // An observer must not change the outcome of an authentication decision.
    }
  };
}

/** Draws an identifier: 128 random bits, base64url. */
export function generateId(random: Random): string {
  return encodeBase64url(random.bytes(16));
}
