import type { CryptoPort } from "@tessera/core";

/**
 * The crypto port on Bun's native hashers (`Bun.CryptoHasher`): synchronous
 * HMAC-SHA-256 and SHA-256.
 *
 * @example
 * const tessera = createTessera({ ...ports, crypto: createBunCrypto() });
 */
export function createBunCrypto(): CryptoPort {
  return {
    hmacSha256: (key, data) => new Uint8Array(new Bun.CryptoHasher("sha256", key).update(data).digest().buffer),
    sha256: (data) => new Uint8Array(Bun.CryptoHasher.hash("sha256", data).buffer),
  };
}
