import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

const base64urlPattern = /^[A-Za-z0-9_-]*$/;

/** Unpadded base64url, as JWTs and Tessera's tokens use. */
export function encodeBase64url(bytes: Uint8Array): string {
  return encodeBase64urlNoPadding(bytes);
}

/** Decodes unpadded base64url; null for any other alphabet or a bad length. */
export function decodeBase64url(text: string): Uint8Array | null {
  if (!base64urlPattern.test(text) || text.length % 4 === 1) return null;
  try {
    return decodeBase64urlIgnorePadding(text);
  } catch {
    return null;
  }
}
