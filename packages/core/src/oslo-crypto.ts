import { hmac } from "@oslojs/crypto/hmac";
import { SHA256, sha256 } from "@oslojs/crypto/sha2";
import type { CryptoPort } from "./ports/crypto.ts";
import { encodeUtf8 } from "./util/utf8.ts";

const bytesOf = (data: Uint8Array | string): Uint8Array => (typeof data === "string" ? encodeUtf8(data) : data);

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
    hmacSha256: (key, data) => hmac(SHA256, key, bytesOf(data)),
    sha256: (data) => sha256(bytesOf(data)),
  };
}
