import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import fc from "fast-check";
import { decodeBase64url, decodeBase64urlInto, decodeBase64urlText, encodeBase64url, encodeBase64urlText } from "./base64url.ts";

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
  // The last five are above 127 with the low seven bits of an alphabet character ("A", "A", "-", "_", "A"): a decoder
  // that looked characters up by those bits alone would take them for base64url.
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. é\u0000\u00c1\u0141\u00ad\u00df\u8041";
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

test("base64url text decoding gives back any string, short or longer than its shared buffer, in any order", () => {
  // Unit "binary": every code point, astral ones as surrogate pairs, so multi-byte UTF-8; lengths past the 1,024-byte buffer, so that a short text
  // decoded after a long one would show a leftover byte if the buffer's reuse were wrong.
  fc.assert(
    fc.property(fc.array(fc.string({ unit: "binary", maxLength: 700 }), { minLength: 1, maxLength: 6 }), (texts) => {
      for (const text of texts) assert.equal(decodeBase64urlText(encodeBase64urlNoPadding(new TextEncoder().encode(text))), text);
    }),
    { numRuns: 500 },
  );
});

test("base64url text encoding gives the encoding of TextEncoder's bytes, for texts short or longer than its shared buffer, in any order", () => {
  // Unit "binary": every code point, so one to four UTF-8 bytes each. Lengths go past the 341 code units that always
  // fit the 1,024-byte buffer and past the buffer itself; each text is decoded back between encodings, so that a
  // leftover byte from a longer text, or from the decoder, which shares the buffer, would show.
  fc.assert(
    fc.property(fc.array(fc.string({ unit: "binary", maxLength: 1200 }), { minLength: 1, maxLength: 6 }), (texts) => {
      for (const text of texts) {
        const encoded = encodeBase64urlText(text);
        assert.equal(encoded, encodeBase64urlNoPadding(new TextEncoder().encode(text)));
        assert.equal(decodeBase64urlText(encoded), text);
      }
    }),
    { numRuns: 300 },
  );
  // A lone surrogate becomes U+FFFD, as TextEncoder writes it.
  for (const text of ["\uD800", "a\uDC00b", "\uD800".repeat(341), "\uD800".repeat(342)]) {
    assert.equal(encodeBase64urlText(text), encodeBase64urlNoPadding(new TextEncoder().encode(text)));
  }
});

test("base64url text decoding refuses what the byte decoder refuses, and bytes that are not UTF-8", () => {
  for (const bad of ["A", "AAAAA", "AB==", "A+B/", "AB", "é123"]) assert.equal(decodeBase64urlText(bad), null, bad);
  for (const bytes of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0x61, 0x80]]) {
    assert.equal(decodeBase64urlText(encodeBase64url(new Uint8Array(bytes))), null, String(bytes));
  }
  assert.equal(decodeBase64urlText(""), "");
  // A real U+FFFD (the replacement character's own bytes) is text; next to a byte that is not UTF-8 it is not.
  assert.equal(decodeBase64urlText(encodeBase64url(new TextEncoder().encode("a\uFFFDb"))), "a\uFFFDb");
  assert.equal(decodeBase64urlText(encodeBase64url(new Uint8Array([0xef, 0xbf, 0xbd, 0xff]))), null);
  // A leading byte-order mark is text like any other (TextDecoder drops it unless told not to).
  assert.equal(decodeBase64urlText(encodeBase64url(new TextEncoder().encode("\uFEFF{}"))), "\uFEFF{}");
});

test("base64url decoding into a buffer fills it exactly when the lengths match, and refuses otherwise", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 80 }), fc.integer({ min: -2, max: 2 }), (bytes, skew) => {
      const target = new Uint8Array(Math.max(0, bytes.length + skew)).fill(0xaa);
      const filled = decodeBase64urlInto(encodeBase64url(bytes), target);
      assert.equal(filled, target.length === bytes.length);
      if (filled) assert.deepEqual(target, bytes);
    }),
    { numRuns: 1000 },
  );
  for (const bad of ["A+B/", "AB", "é123"]) assert.equal(decodeBase64urlInto(bad, new Uint8Array(3)), false, bad);
});
