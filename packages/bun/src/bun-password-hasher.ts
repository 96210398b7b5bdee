import type { PasswordHasher } from "@tessera/core";

/**
 * argon2id through `Bun.password`, with OWASP's minimum by default (19 MiB,
 * 2 iterations).
 *
 * @example
 * const passwords = createBunPasswordHasher();
 */
export function createBunPasswordHasher(options: { readonly memoryCost?: number; readonly timeCost?: number } = {}): PasswordHasher {
  const params = { algorithm: "argon2id" as const, memoryCost: options.memoryCost ?? 19_456, timeCost: options.timeCost ?? 2 };
  return {
    hash: (password) => Bun.password.hash(password, params),
    async verify(phc, password) {
      try {
        return await Bun.password.verify(password, phc);
      } catch {
        return false;
      }
    },
  };
}
