import type { CryptoPort } from "../ports/crypto.ts";
import type { Random } from "../ports/random.ts";
import { decodeBase64url, encodeBase64url } from "../util/base64url.ts";
import { encodeUtf8 } from "../util/utf8.ts";

const refreshTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** Draws a refresh token: 256 random bits, unpadded base64url (43 characters). */
export function generateRefreshToken(random: Random): string {
  return encodeBase64url(random.bytes(32));
}

/** True when the string has a refresh token's shape (it may still be unknown). */
export function verifyRefreshTokenShape(token: string): boolean {
  return refreshTokenPattern.test(token);
}

/** The form in which a secret is stored and looked up: SHA-256, base64url. */
export async function hashSecret(secret: string, crypto: CryptoPort): Promise<string> {
  return encodeBase64url(await crypto.sha256(secret));
}

/**
 * The successor of a rotated refresh token: HMAC(presented token, nonce). The
 * rotated row keeps only the nonce, so a client that presents the old token
 * again within the grace window gets the very same successor back, and the
 * database never holds a usable token.
 */
export async function deriveSuccessorToken(presented: string, nonce: string, crypto: CryptoPort): Promise<string> {
  const nonceBytes = decodeBase64url(nonce) ?? encodeUtf8(nonce);
  return encodeBase64url(await crypto.hmacSha256(encodeUtf8(presented), nonceBytes));
}
