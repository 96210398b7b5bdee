/** A value that is either ready now or later: native hashers answer synchronously, WebCrypto does not. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * The crypto primitives the core needs. WebCrypto is the portable default
 * (`@tessera/core/platform`); runtime adapters plug in synchronous native HMAC
 * and SHA-256 (node:crypto, Bun's hashers), which are far faster per call.
 * The core never implements a primitive itself.
 *
 * `data` may be a string, meaning its UTF-8 bytes: the core hashes tokens,
 * which are text, and a native hasher takes text without the copy through
 * `TextEncoder` (about 0.9 µs of a 7 µs verify on Node 20).
 */
export interface CryptoPort {
  /** HMAC-SHA-256 of `data` (a string stands for its UTF-8 bytes) under `key`. */
  hmacSha256(key: Uint8Array, data: Uint8Array | string): MaybePromise<Uint8Array>;
  /** SHA-256 digest of `data` (a string stands for its UTF-8 bytes). */
  sha256(data: Uint8Array | string): MaybePromise<Uint8Array>;
}
