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
    // Each digest is a Buffer of its own (a Uint8Array): reading its `.buffer` to copy it was 10% of a refresh's
    // CPU time on Bun (profiled), so it is returned as is. Strings go in as they are, read as UTF-8.
    hmacSha256: (key, data) => new Bun.CryptoHasher("sha256", key).update(data).digest(),
    sha256: (data) => Bun.CryptoHasher.hash("sha256", data),
  };
}
