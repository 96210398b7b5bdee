import { generateRandomString, type RandomReader } from "@oslojs/crypto/random";
import type { Random } from "../ports/random.ts";
import { crc32 } from "../util/crc32.ts";
import { encodeUtf8 } from "../util/utf8.ts";

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const prefix = "tsk_";
const bodyLength = 32;
const checksumLength = 6;
const staticTokenPattern = /^tsk_[0-9A-Za-z]{38}$/;

function encodeChecksum(body: string): string {
  let value = crc32(encodeUtf8(body));
  let out = "";
  for (let i = 0; i < checksumLength; i++) {
    out = base62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

function readerOf(random: Random): RandomReader {
  return { read: (bytes) => bytes.set(random.bytes(bytes.length)) };
}

/**
 * Draws a static token: `tsk_`, 32 base62 characters (about 190 bits), then a
 * 6-character base62 CRC-32 of those 32.
 *
 * @example
 * generateStaticToken(random); // "tsk_0fB3...Qz1x2Ab"
 */
export function generateStaticToken(random: Random): string {
  const body = generateRandomString(readerOf(random), base62, bodyLength);
  return `${prefix}${body}${encodeChecksum(body)}`;
}

/** True when the string looks like a static token (prefix and alphabet), checksum aside. */
export function verifyStaticTokenShape(token: string): boolean {
  return staticTokenPattern.test(token);
}

/** True when a static-token-shaped string carries a correct checksum. Needs no database. */
export function verifyStaticTokenChecksum(token: string): boolean {
  if (!verifyStaticTokenShape(token)) return false;
  const body = token.slice(prefix.length, prefix.length + bodyLength);
  return token.slice(prefix.length + bodyLength) === encodeChecksum(body);
}
