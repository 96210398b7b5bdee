import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "@tessera/core";

/** argon2id parameters; the defaults are OWASP's minimum (19 MiB, 2 iterations, 1 lane). */
export interface Argon2Options {
  readonly memoryCost?: number;
  readonly timeCost?: number;
  readonly parallelism?: number;
}

// @node-rs/argon2's Algorithm.Argon2id; a const enum in its typings, so spelled out here.
const argon2id = 2;

/**
 * argon2id password hashing through `@node-rs/argon2` (native, runs on Node,
 * Bun and Deno). Hashes are PHC strings, so parameters can be raised later
 * without invalidating existing hashes.
 *
 * @example
 * const passwords = createArgon2Hasher();
 */
export function createArgon2Hasher(options: Argon2Options = {}): PasswordHasher {
  const params = {
    algorithm: argon2id,
    memoryCost: options.memoryCost ?? 19_456,
    timeCost: options.timeCost ?? 2,
    parallelism: options.parallelism ?? 1,
  };
  return {
    hash: (password) => hash(password, params),
    async verify(phc, password) {
      try {
        return await verify(phc, password);
      } catch {
        return false;
      }
    },
  };
}
