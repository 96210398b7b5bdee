import type { CryptoPort } from "../ports/crypto.ts";
import { encodeBase64url, encodeBase64urlText } from "../util/base64url.ts";
import type { AccessClaims } from "./access-claims.ts";
import type { HmacKey } from "./keyring.ts";

/** The compact JWS header for a key; fixed member order so equal inputs give equal bytes. */
export function encodeJwtHeader(key: HmacKey): string {
  let header = headers.get(key);
  if (header === undefined) {
    header = encodeBase64urlText(JSON.stringify({ alg: key.alg, typ: "JWT", kid: key.kid }));
    headers.set(key, header);
  }
  return header;
}

// A key's header never changes: encode it once.
const headers = new WeakMap<HmacKey, string>();

/**
 * Signs access-token claims as an HS256 JWT.
 *
 * @example
 * const token = await encodeAccessToken(claims, keyring.signing, crypto);
 */
export async function encodeAccessToken(claims: AccessClaims, key: HmacKey, crypto: CryptoPort): Promise<string> {
  const body = { id: claims.id, role: claims.role, sub: claims.sub, sid: claims.sid, iat: claims.iat, exp: claims.exp, iss: claims.iss };
  const signingInput = `${encodeJwtHeader(key)}.${encodeBase64urlText(JSON.stringify(body))}`;
  const mac = crypto.hmacSha256(key.secret, signingInput);
  const signature = mac instanceof Promise ? await mac : mac;
  return `${signingInput}.${encodeBase64url(signature)}`;
}
