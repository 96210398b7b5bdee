import { constantTimeEqual } from "@oslojs/crypto/subtle";
import type { Reason } from "../outcome.ts";
import type { CryptoPort } from "../ports/crypto.ts";
import { decodeBase64urlInto, decodeBase64urlText } from "../util/base64url.ts";
import { type AccessClaims, readAccessClaims } from "./access-claims.ts";
import { encodeJwtHeader } from "./encode-jwt.ts";
import type { HmacKey, Keyring } from "./keyring.ts";

/** Longest token we parse at all; anything larger is refused before decoding. */
export const maxAccessTokenLength = 4096;

/** The result of {@link decodeAccessToken}: verified claims, or why not. */
export type DecodedAccessToken =
  | { readonly ok: true; readonly claims: AccessClaims }
  | { readonly ok: false; readonly reason: Extract<Reason, "malformed" | "bad_signature" | "unknown_kid" | "wrong_algorithm" | "bad_claims"> };

const allowedHeaderMembers = new Set(["alg", "typ", "kid"]);

function parseJsonSegment(segment: string): unknown {
  const text = decodeBase64urlText(segment);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// One buffer for every signature decoded (see decodeAccessToken): a fresh typed array is dear on V8. HS256: 32 bytes.
const signatureBuffer = new Uint8Array(32);

// The encoded header of each key of a keyring, computed once per keyring.
const headersByKeyring = new WeakMap<Keyring, ReadonlyMap<string, HmacKey>>();

function knownHeaders(keyring: Keyring): ReadonlyMap<string, HmacKey> {
  let known = headersByKeyring.get(keyring);
  if (known === undefined) {
    known = new Map(keyring.keys.map((key) => [encodeJwtHeader(key), key]));
    headersByKeyring.set(keyring, known);
  }
  return known;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks a compact JWS strictly: three segments, a header of only `alg`, `typ`
 * and a known `kid`, the algorithm the key is configured for (so `none` and
 * algorithm switching fail), a constant-time signature match, then well-typed
 * claims. Time-based checks are left to the caller, which owns `now`.
 */
export async function decodeAccessToken(token: string, keyring: Keyring, crypto: CryptoPort): Promise<DecodedAccessToken> {
  if (token.length > maxAccessTokenLength) return { ok: false, reason: "malformed" };
  const firstDot = token.indexOf(".");
  const secondDot = token.indexOf(".", firstDot + 1);
  if (firstDot < 1 || secondDot < 0 || token.indexOf(".", secondDot + 1) !== -1) return { ok: false, reason: "malformed" };

  const headerSegment = token.slice(0, firstDot);
  // Tokens we issue carry exactly the header we wrote for their key: recognise it without parsing it.
  let key = knownHeaders(keyring).get(headerSegment);
  if (key === undefined) {
    const header = parseJsonSegment(headerSegment);
    if (!isPlainObject(header) || typeof header["alg"] !== "string") return { ok: false, reason: "malformed" };
    for (const member of Object.keys(header)) if (!allowedHeaderMembers.has(member)) return { ok: false, reason: "malformed" };
    if (header["typ"] !== undefined && header["typ"] !== "JWT") return { ok: false, reason: "malformed" };
    const kid = header["kid"];
    if (typeof kid !== "string") return { ok: false, reason: "unknown_kid" };
    key = keyring.find(kid);
    if (key === undefined) return { ok: false, reason: "unknown_kid" };
    if (header["alg"] !== key.alg) return { ok: false, reason: "wrong_algorithm" };
  }

  const mac = crypto.hmacSha256(key.secret, token.slice(0, secondDot));
  // A native port answers synchronously: don't pay for an await it doesn't need.
  const expected = mac instanceof Promise ? await mac : mac;
  // Decoded after the await, so that a verification running meanwhile cannot have overwritten the shared buffer;
  // a signature of any other length than the buffer's is refused by the decoding.
  if (!decodeBase64urlInto(token.slice(secondDot + 1), signatureBuffer) || !constantTimeEqual(signatureBuffer, expected)) {
    return { ok: false, reason: "bad_signature" };
  }

  const claims = readAccessClaims(parseJsonSegment(token.slice(firstDot + 1, secondDot)));
  if (claims === null) return { ok: false, reason: "bad_claims" };
  return { ok: true, claims };
}
