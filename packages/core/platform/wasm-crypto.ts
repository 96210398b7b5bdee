import { createHMAC, createSHA256, type IHasher } from "hash-wasm";
import type { CryptoPort } from "../src/ports/crypto.ts";

const run = (hasher: IHasher, data: Uint8Array | string): Uint8Array => hasher.init().update(data).digest("binary");

/**
 * A synchronous crypto port on WebAssembly: hash-wasm's SHA-256 and HMAC. It
 * is for runtimes whose native HMAC costs much per call: on Deno 2.9,
 * `node:crypto`'s createHmac builds a stream and two hashers for every call
 * (10 to 16 µs for a JWT), against 5 µs here. On Node and Bun the native ports
 * are faster; use those there.
 *
 * One WebAssembly SHA-256 instance serves every call. Each call runs init,
 * update and digest without yielding, so calls never interleave. An HMAC key's
 * padded state is prepared on its first use (that call answers asynchronously)
 * and then cached per key buffer, like {@link createWebCrypto}'s imported keys:
 * a signing key is used for every token.
 *
 * @example
 * const tessera = createTessera({ ...ports, crypto: await createWasmCrypto() });
 */
export async function createWasmCrypto(): Promise<CryptoPort> {
  const sha256 = await createSHA256();
  const hmacs = new WeakMap<Uint8Array, IHasher>();
  return {
    hmacSha256(key, data) {
      const hmac = hmacs.get(key);
      if (hmac !== undefined) return run(hmac, data);
      return createHMAC(Promise.resolve(sha256), key).then((created) => {
        hmacs.set(key, created);
        return run(created, data);
      });
    },
    sha256: (data) => run(sha256, data),
  };
}
