import { hmac } from "@oslojs/crypto/hmac";
import { SHA256, sha256 } from "@oslojs/crypto/sha2";
import type { CryptoPort } from "./ports/crypto.ts";
import { bytesOfData } from "./util/utf8.ts";

/**
 * A synchronous crypto port in pure JavaScript, from `@oslojs/crypto`. It runs
 * anywhere with no runtime global, which makes it the port for tests,
 * simulations and embedded runtimes without WebCrypto. Native ports are faster.
 *
 * @example
 * const crypto = createOsloCrypto();
 */
export function createOsloCrypto(): CryptoPort {
  return {
    hmacSha256: (key, data) => hmac(SHA256, key, bytesOfData(data)),
    sha256: (data) => sha256(bytesOfData(data)),
  };
}
