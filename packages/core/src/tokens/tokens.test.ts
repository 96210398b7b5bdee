import assert from "node:assert/strict";
import { test } from "node:test";
import { createOsloCrypto } from "../oslo-crypto.ts";
import { createSeededRandom } from "../testing/seeded-random.ts";
import { crc32 } from "../util/crc32.ts";
import { encodeUtf8 } from "../util/utf8.ts";
import { deriveSuccessorToken, generateRefreshToken, hashSecret, verifyRefreshTokenShape } from "./refresh-token.ts";
import { generateStaticToken, verifyStaticTokenChecksum, verifyStaticTokenShape } from "./static-token.ts";

const crypto = createOsloCrypto();

test("crc32 matches the standard check value", () => {
  assert.equal(crc32(encodeUtf8("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

test("a refresh token is 256 random bits in 43 base64url characters", () => {
  const token = generateRefreshToken(createSeededRandom(1));
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(verifyRefreshTokenShape(token));
  assert.ok(!verifyRefreshTokenShape(`${token}x`));
});

test("a refresh token is stored as its SHA-256 in base64url, which differs from the token", async () => {
  const token = generateRefreshToken(createSeededRandom(2));
  const hash = await hashSecret(token, crypto);
  assert.match(hash, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(hash, token);
  assert.equal(await hashSecret(token, crypto), hash);
});

test("the successor is re-derivable from the presented token and the nonce, and from nothing else", async () => {
  const token = generateRefreshToken(createSeededRandom(3));
  const other = generateRefreshToken(createSeededRandom(4));
  const a = await deriveSuccessorToken(token, "bm9uY2U", crypto);
  assert.equal(await deriveSuccessorToken(token, "bm9uY2U", crypto), a);
  assert.notEqual(await deriveSuccessorToken(token, "b3RoZXI", crypto), a);
  assert.notEqual(await deriveSuccessorToken(other, "bm9uY2U", crypto), a);
  assert.ok(verifyRefreshTokenShape(a));
});

test("a static token is tsk_, 32 base62 characters and a 6-character checksum that verifies", () => {
  const random = createSeededRandom(5);
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const token = generateStaticToken(random);
    assert.match(token, /^tsk_[0-9A-Za-z]{32}[0-9A-Za-z]{6}$/);
    assert.ok(verifyStaticTokenShape(token) && verifyStaticTokenChecksum(token));
    seen.add(token);
  }
  assert.equal(seen.size, 200);
});

test("any single-character typo in a static token fails its checksum", () => {
  const token = generateStaticToken(createSeededRandom(6));
  for (let i = 4; i < token.length; i++) {
    const swapped = token.slice(0, i) + (token[i] === "x" ? "y" : "x") + token.slice(i + 1);
    assert.ok(!verifyStaticTokenChecksum(swapped), `typo at ${i}`);
  }
  assert.ok(!verifyStaticTokenChecksum(token.slice(0, -1)));
  assert.ok(!verifyStaticTokenChecksum(`tsk-${token.slice(4)}`));
});
