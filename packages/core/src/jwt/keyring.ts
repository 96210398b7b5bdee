import { ConfigError } from "../errors.ts";
import type { Random } from "../ports/random.ts";
import { encodeBase64url } from "../util/base64url.ts";

/** The JWS algorithms a key can be configured for. */
export const signingAlgorithms = ["HS256"] as const;
/** See {@link signingAlgorithms}. */
export type SigningAlgorithm = (typeof signingAlgorithms)[number];

/** A symmetric signing key, named by `kid` in every token it signs. */
export interface HmacKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  /** At least 32 bytes. */
  readonly secret: Uint8Array;
}

/** One key that signs, and every key that still verifies (the signing key among them). */
export interface Keyring {
  readonly signing: HmacKey;
  readonly keys: readonly HmacKey[];
  /** The verification key with this `kid`, if any. */
  find(kid: string): HmacKey | undefined;
}

const kidPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Builds a keyring. Old keys listed in `verifying` keep tokens they signed valid
 * while the signing key rotates.
 *
 * @example
 * const keyring = createKeyring(generateHmacKey(random));
 */
export function createKeyring(signing: HmacKey, verifying: readonly HmacKey[] = []): Keyring {
  const byKid = new Map<string, HmacKey>();
  for (const key of [signing, ...verifying]) {
    if (!kidPattern.test(key.kid)) throw new ConfigError("keys", `kid must be 1 to 64 characters of [A-Za-z0-9_-]`);
    if (key.secret.length < 32) throw new ConfigError("keys", `key ${key.kid} is shorter than 32 bytes`);
    const existing = byKid.get(key.kid);
    if (existing !== undefined && existing !== key) throw new ConfigError("keys", `kid ${key.kid} is used twice`);
    byKid.set(key.kid, key);
  }
  return { signing, keys: [...byKid.values()], find: (kid) => byKid.get(kid) };
}

/** Draws a new 256-bit HS256 key with a random `kid`. */
export function generateHmacKey(random: Random): HmacKey {
  return { kid: encodeBase64url(random.bytes(9)), alg: "HS256", secret: random.bytes(32) };
}
