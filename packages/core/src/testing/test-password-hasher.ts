import { constantTimeEqual } from "@oslojs/crypto/subtle";
import type { CryptoPort } from "../ports/crypto.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import { encodeBase64url } from "../util/base64url.ts";
import { encodeUtf8 } from "../util/utf8.ts";

/** A password hasher that counts its calls, for proving that every login path costs the same. */
export interface CountingPasswordHasher extends PasswordHasher {
  readonly counts: { hash: number; verify: number };
}

/**
 * A fast, deterministic hasher for tests: one SHA-256, no salt, no work factor.
 * NEVER use it for real passwords; production uses argon2id.
 */
export function createTestPasswordHasher(crypto: CryptoPort): CountingPasswordHasher {
  const counts = { hash: 0, verify: 0 };
  const digest = async (password: string) => `test-sha256$${encodeBase64url(await crypto.sha256(password))}`;
  return {
    counts,
    async hash(password) {
      counts.hash++;
      return digest(password);
    },
    async verify(hash, password) {
      counts.verify++;
      const expected = encodeUtf8(await digest(password));
      const actual = encodeUtf8(hash);
      return actual.length === expected.length && constantTimeEqual(actual, expected);
    },
  };
}
