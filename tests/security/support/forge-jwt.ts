import { createHmac, generateKeyPairSync, sign } from "node:crypto";

/** The three parts of a compact JWS, decoded where they are JSON. */
export interface SplitJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly signature: string;
}

/** Unpadded base64url of bytes or of a string's UTF-8. */
export function base64url(input: Uint8Array | string): string {
  return Buffer.from(input).toString("base64url");
}

const decodeJson = (segment: string): Record<string, unknown> => JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as Record<string, unknown>;

/** Splits a token that the server issued, so an attack can start from real claims. */
export function splitJwt(token: string): SplitJwt {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  return { header: decodeJson(header), payload: decodeJson(payload), signature };
}

/** `header.payload` as the JWS signing input. */
export function signingInput(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
}

/** Signs header and payload with HMAC (sha256 for HS256, sha384 for HS384, ...) and this key. */
export function signHmac(header: Record<string, unknown>, payload: Record<string, unknown>, key: Uint8Array, hash = "sha256"): string {
  const input = signingInput(header, payload);
  return `${input}.${createHmac(hash, key).update(input).digest("base64url")}`;
}

let rsaKey: ReturnType<typeof generateKeyPairSync> | undefined;

/** Signs with a fresh RSA key (RS256): a valid JWS that the attacker holds the key of. */
export function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  rsaKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
  const input = signingInput(header, payload);
  return `${input}.${sign("sha256", Buffer.from(input), rsaKey.privateKey).toString("base64url")}`;
}

/** The RSA public key of {@link signRs256} as a JWK, for the embedded-`jwk` attack. */
export function rsaPublicJwk(): Record<string, unknown> {
  rsaKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
  return rsaKey.publicKey.export({ format: "jwk" }) as Record<string, unknown>;
}
