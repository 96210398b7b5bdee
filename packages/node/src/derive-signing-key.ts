import { createHmac } from "node:crypto";
import type { HmacKey } from "@tessera/core";

/**
 * Derives a kid's HS256 key from a server secret: HMAC-SHA-256(secret,
 * "tessera-hs256:" + kid). Servers that share the secret derive the same keys,
 * so the key material itself never needs storing; the reference server keeps
 * only kids in its database. Works on Node, Bun and Deno.
 *
 * @example
 * const key = deriveSigningKey(new TextEncoder().encode(process.env.SECRET), "key-1");
 */
export function deriveSigningKey(secret: Uint8Array, kid: string): HmacKey {
  return { kid, alg: "HS256", secret: new Uint8Array(createHmac("sha256", secret).update(`tessera-hs256:${kid}`).digest()) };
}
