import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import fc from "fast-check";
import { decodeBase64url, encodeBase64url } from "./base64url.ts";

test("base64url encoding spells any bytes exactly as @oslojs's encoder does", () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => assert.equal(encodeBase64url(bytes), encodeBase64urlNoPadding(bytes))), { numRuns: 2000 });
  for (const text of ["", "f", "fo", "foo", "foob", "fooba", "foobar"]) assert.equal(encodeBase64url(new TextEncoder().encode(text)), encodeBase64urlNoPadding(new TextEncoder().encode(text)));
  // Past one slice of String.fromCharCode.apply (8,192 characters), and past any engine's argument limit.
  for (const size of [6143, 6144, 6145, 300_000]) {
    const bytes = new Uint8Array(size).map((_, i) => (i * 131 + 7) & 0xff);
    assert.equal(encodeBase64url(bytes), encodeBase64urlNoPadding(bytes), `${size} bytes`);
  }
});

test("base64url decoding inverts @oslojs's encoder for any bytes", () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => assert.deepEqual(decodeBase64url(encodeBase64urlNoPadding(bytes)), bytes)), { numRuns: 2000 });
});

test("base64url decoding agrees with @oslojs's decoder on canonical strings and refuses everything else", () => {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. é\u0000";
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...chars), maxLength: 40 }), (text) => {
      const ours = decodeBase64url(text);
      let reference: Uint8Array | null;
      try {
        reference = /^[A-Za-z0-9_-]*$/.test(text) && text.length % 4 !== 1 ? decodeBase64urlIgnorePadding(text) : null;
      } catch {
        reference = null;
      }
      if (ours === null) {
        // Refused: either the reference refuses too, or the string is a non-canonical spelling of other bytes.
        assert.ok(reference === null || encodeBase64url(reference) !== text, text);
      } else {
        assert.deepEqual(ours, reference, text);
        assert.equal(encodeBase64url(ours), text, "only canonical encodings are accepted");
      }
    }),
    { numRuns: 5000 },
  );
});

test("base64url decoding refuses bad lengths, foreign characters and non-zero trailing bits", () => {
  for (const bad of ["A", "AAAAA", "AB==", "A+B/", "AB", "ABC", "é123"]) assert.equal(decodeBase64url(bad), null, bad);
  assert.deepEqual(decodeBase64url(""), new Uint8Array());
  assert.deepEqual(decodeBase64url("AA"), new Uint8Array([0]));
  assert.deepEqual(decodeBase64url("AAA"), new Uint8Array([0, 0]));
  assert.deepEqual(decodeBase64url("_-8"), new Uint8Array([255, 239]));
});
