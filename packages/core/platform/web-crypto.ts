import type { CryptoPort } from "../src/ports/crypto.ts";
import { bytesOfData } from "../src/util/utf8.ts";

const bytesOf = (data: Uint8Array | string) => bytesOfData(data) as Uint8Array<ArrayBuffer>;

/**
 * The portable crypto port on WebCrypto (`crypto.subtle`). Imported HMAC keys are
 * cached per key buffer, since a signing key is used for every token.
 *
 * @example
 * const crypto = createWebCrypto();
 */
export function createWebCrypto(subtle: SubtleCrypto = globalThis.crypto.subtle): CryptoPort {
  const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
  const importKey = (secret: Uint8Array): Promise<CryptoKey> => {
    let key = keys.get(secret);
    if (key === undefined) {
      key = subtle.importKey("raw", secret as Uint8Array<ArrayBuffer>, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      keys.set(secret, key);
    }
    return key;
  };
  return {
    async hmacSha256(secret, data) {
      return new Uint8Array(await subtle.sign("HMAC", await importKey(secret), bytesOf(data)));
    },
    async sha256(data) {
      return new Uint8Array(await subtle.digest("SHA-256", bytesOf(data)));
    },
  };
}
