/** A value that is either ready now or later: native hashers answer synchronously, WebCrypto does not. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * The crypto primitives the core needs. WebCrypto is the portable default
 * (`@tessera/core/platform`); runtime adapters plug in synchronous native HMAC
 * and SHA-256 (node:crypto, Bun's hashers), which are far faster per call.
 * The core never implements a primitive itself.
 */
export interface CryptoPort {
  /** HMAC-SHA-256 of `data` under `key`. */
  hmacSha256(key: Uint8Array, data: Uint8Array): MaybePromise<Uint8Array>;
  /** SHA-256 digest of `data`. */
  sha256(data: Uint8Array): MaybePromise<Uint8Array>;
}
