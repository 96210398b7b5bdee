import { decodeUtf8, encodeUtf8, encodeUtf8Into } from "./utf8.ts";

// Decoding sits on every token verification. @oslojs/encoding's decoder looks
// each character up in a string-keyed object: 16.5 µs on Bun and 29 µs on
// Node for a JWT payload, against 1.0 and 3.1 µs with this table (measured by
// the bench). Its encoder appends one character at a time and was 22% of a
// refresh's CPU time on Bun (profiled: four encodings per refresh). Appending
// pairs of characters was better but still built a rope that Bun then had to
// flatten (18% of a refresh's CPU time, profiled), so the encoder collects
// character codes and makes the string in one call: for a 150-byte payload
// 1.3 µs against 2.2 on Bun, 0.65 against 0.98 on Node (an A/B of the two in
// one process). An encoding, not a crypto primitive; the tests check both
// directions against @oslojs's.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// Character code by value (encoding) and value by character code (decoding, -1 outside the alphabet).
const codes = new Uint8Array(64);
const values = new Int16Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) {
  codes[i] = alphabet.charCodeAt(i);
  values[codes[i]!] = i;
}
// Characters per String.fromCharCode.apply call, well under every engine's argument limit.
const chunk = 8192;

/** Unpadded base64url, as JWTs and Tessera's tokens use. */
export function encodeBase64url(bytes: Uint8Array): string {
  const length = bytes.length;
  const out: number[] = new Array(Math.ceil((length * 4) / 3));
  let o = 0;
  let i = 0;
  for (; i + 3 <= length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = codes[n >> 18]!;
    out[o++] = codes[(n >> 12) & 63]!;
    out[o++] = codes[(n >> 6) & 63]!;
    out[o++] = codes[n & 63]!;
  }
  if (length - i === 1) {
    const n = bytes[i]! << 16;
    out[o++] = codes[n >> 18]!;
    out[o++] = codes[(n >> 12) & 63]!;
  } else if (length - i === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out[o++] = codes[n >> 18]!;
    out[o++] = codes[(n >> 12) & 63]!;
    out[o++] = codes[(n >> 6) & 63]!;
  }
  if (o <= chunk) return String.fromCharCode.apply(null, out);
  // apply has an argument-count limit: long inputs (not tokens, but this is exported) go in slices.
  let text = "";
  for (let k = 0; k < o; k += chunk) text += String.fromCharCode.apply(null, out.slice(k, Math.min(k + chunk, o)));
  return text;
}

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? values[code]! : -1;
}

/** How many bytes an unpadded base64url string of this length decodes to; -1 when no string of it can be base64. */
function decodedLength(length: number): number {
  const remainder = length % 4;
  return remainder === 1 ? -1 : Math.floor(length / 4) * 3 + (remainder === 0 ? 0 : remainder - 1);
}

// Writes the bytes of `text` from target[0]; false for a foreign character or non-zero trailing bits. The caller sizes target.
function decodeInto(text: string, target: Uint8Array): boolean {
  const length = text.length;
  let o = 0;
  let i = 0;
  for (; i + 4 <= length; i += 4) {
    const a = valueAt(text, i), b = valueAt(text, i + 1), c = valueAt(text, i + 2), d = valueAt(text, i + 3);
    if ((a | b | c | d) < 0) return false;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    target[o++] = n >> 16;
    target[o++] = (n >> 8) & 0xff;
    target[o++] = n & 0xff;
  }
  if (length - i === 2) {
    const a = valueAt(text, i), b = valueAt(text, i + 1);
    if ((a | b) < 0 || (b & 0x0f) !== 0) return false;
    target[o] = (a << 2) | (b >> 4);
  } else if (length - i === 3) {
    const a = valueAt(text, i), b = valueAt(text, i + 1), c = valueAt(text, i + 2);
    if ((a | b | c) < 0 || (c & 0x03) !== 0) return false;
    target[o++] = (a << 2) | (b >> 4);
    target[o] = ((b & 0x0f) << 4) | (c >> 2);
  }
  return true;
}

/**
 * Decodes unpadded base64url; null for any other character, a length that
 * cannot be base64 (n % 4 === 1) or non-zero trailing bits (a non-canonical
 * encoding, which would let two strings decode to the same bytes).
 */
export function decodeBase64url(text: string): Uint8Array | null {
  const length = decodedLength(text.length);
  if (length < 0) return null;
  const bytes = new Uint8Array(length);
  return decodeInto(text, bytes) ? bytes : null;
}

/**
 * Decodes unpadded base64url into `target`, which must be exactly as long as
 * the decoded bytes; false otherwise, or on anything {@link decodeBase64url}
 * refuses. For hot paths that reuse one buffer: see {@link decodeBase64urlText}.
 */
export function decodeBase64urlInto(text: string, target: Uint8Array): boolean {
  return decodedLength(text.length) === target.length && decodeInto(text, target);
}

// V8 (Node, Deno) gives a typed array above 64 bytes a backing store outside its heap, which cost about 1 µs to
// allocate for a JWT payload on Node and Deno, as much as decoding it (packages/bench/README.md, sixth session).
// Text decoding copies the bytes out, and nothing runs between the fill and the copy, so one buffer serves every call
// short enough for it (a token's segments are); a longer text gets bytes of its own, so the buffer never grows.
const textScratch = new Uint8Array(1024);

/**
 * Unpadded base64url of the UTF-8 bytes of `text` (a JWT's header or payload). The bytes go through the same shared
 * buffer as {@link decodeBase64urlText}, for the same reason: a fresh `TextEncoder.encode` array of a JWT payload cost
 * about 2.8 µs on Node 20 and Deno, four times the encoding itself (no difference on Bun). Nothing runs between the
 * fill and the encoding, which reads the bytes into a string before returning.
 */
export function encodeBase64urlText(text: string): string {
  const written = encodeUtf8Into(text, textScratch);
  return encodeBase64url(written === null ? encodeUtf8(text) : textScratch.subarray(0, written));
}

/** The UTF-8 text that unpadded base64url encodes (a JWT's header or payload); null when either layer is invalid. */
export function decodeBase64urlText(text: string): string | null {
  const length = decodedLength(text.length);
  if (length < 0) return null;
  const bytes = length <= textScratch.length ? textScratch.subarray(0, length) : new Uint8Array(length);
  return decodeInto(text, bytes) ? decodeUtf8(bytes) : null;
}
