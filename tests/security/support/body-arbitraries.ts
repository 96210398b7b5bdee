import fc from "fast-check";
import type { FuzzPool } from "./http-arbitraries.ts";

/** A generated body: its bytes (null for none) and what kind it is, for the failure report. */
export interface FuzzBody {
  readonly kind: string;
  readonly bytes: Uint8Array | null;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const body = (kind: string) => (text: string): FuzzBody => ({ kind, bytes: utf8(text) });

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

// Byte sequences that no UTF-8 decoder may accept: a stray continuation byte, an
// overlong NUL, an encoded surrogate, a truncated sequence, bytes never used.
const invalidUtf8 = [[0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff], [0xfe, 0xff], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3, 0x28]];

/** Bodies of every kind the issue names; `token` supplies refresh tokens (real, mutated or junk). */
export function bodyArbitrary(pool: FuzzPool, maxChars: number, token: fc.Arbitrary<string>): fc.Arbitrary<FuzzBody> {
  const email = fc.oneof(fc.constantFrom(...pool.emails), fc.emailAddress(), fc.string({ maxLength: 30 }), fc.constantFrom("", " ", "ADA@EXAMPLE.COM", "ada@example.com\u0000", "a@b", "@"));
  const password = fc.oneof(fc.constantFrom(...pool.passwords), fc.string({ maxLength: 30 }), fc.constantFrom("", "\u0000", "'; drop table users; --"));
  const mode = fc.oneof(fc.constantFrom("json", "cookie", "session", "JSON", "", "none"), fc.jsonValue({ maxDepth: 1 }));
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
  const json = (kind: string, arb: fc.Arbitrary<unknown>) => arb.map((value) => body(kind)(JSON.stringify(value)));
  const huge = fc.tuple(fc.integer({ min: 16_000, max: Math.max(16_000, maxChars) }), fc.constantFrom("a", "é", "😀", "\\u0000"), fc.constantFrom("email", "password", "refresh_token", "role"));
  const depth = fc.constantFrom(32, 1_000, 5_000, 7_000, 100_000);
  const knownKey = fc.constantFrom("email", "password", "mode", "refresh_token", "scope", "role", "status", "otp");

  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: "none", bytes: null }) },
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: "empty", bytes: new Uint8Array(0) }) },
    { weight: 4, arbitrary: json("login-shaped", fc.record({ email, password, mode: optional(mode), otp: optional(fc.string()) }, { requiredKeys: [] })) },
    { weight: 4, arbitrary: json("refresh-shaped", fc.record({ refresh_token: optional(token), mode: optional(mode), scope: optional(fc.oneof(fc.constantFrom("session", "all", "ALL"), fc.jsonValue({ maxDepth: 1 }))) }, { requiredKeys: [] })) },
    { weight: 2, arbitrary: json("user-shaped", fc.record({ email: optional(email), password: optional(password), role: optional(fc.oneof(fc.constantFrom("admin", "user", ""), fc.jsonValue({ maxDepth: 1 }))), status: optional(fc.oneof(fc.constantFrom("active", "suspended", "archived", "deleted"), fc.jsonValue({ maxDepth: 1 }))) }, { requiredKeys: [] })) },
    { weight: 2, arbitrary: json("wrong-shape", fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.oneof(knownKey, fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }))) },
    { weight: 1, arbitrary: huge.map(([n, unit, field]) => body(`huge-${field}`)(`{"${field}":"${unit.repeat(Math.ceil(n / unit.length))}","password":"x"}`)) },
    { weight: 1, arbitrary: fc.tuple(depth, fc.boolean(), fc.boolean()).map(([n, array, inField]) => body(`deep-${n}`)(`${inField ? '{"email":' : ""}${array ? "[".repeat(n) + "]".repeat(n) : '{"a":'.repeat(n) + "1" + "}".repeat(n)}${inField ? ',"password":"x"}' : ""}`)) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom("email", "password", "refresh_token"), fc.constantFrom(...invalidUtf8), fc.boolean()).map(([field, bad, inKey]) => ({
        kind: "invalid-utf8",
        bytes: inKey ? concat(utf8('{"'), new Uint8Array(bad), utf8(`":1,"${field}":"x"}`)) : concat(utf8(`{"${field}":"a`), new Uint8Array(bad), utf8('b","password":"x"}')),
      })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom("email", "password", "refresh_token", "mode", "scope"), fc.jsonValue({ maxDepth: 1 }), fc.jsonValue({ maxDepth: 1 }), email, password).map(([key, a, b, e, p]) =>
        body("duplicate-keys")(`{"email":${JSON.stringify(e)},"password":${JSON.stringify(p)},"${key}":${JSON.stringify(a) ?? "null"},"${key}":${JSON.stringify(b) ?? "null"}}`)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => ({ kind: "random-bytes", bytes })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map(body("random-text")) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"role":"admin","isAdmin":true},"email":"ada@example.com","password":"x"}',
        '{"constructor":{"prototype":{"role":"admin"}},"refresh_token":"x"}',
        '{"email":1e999,"password":-0}',
        '{"refresh_token":123456789012345678901234567890}',
        '{"email":"ada@example.com","password":"x"} trailing',
        '{"email":"ada@example.com",}',
        "\ufeff{}",
        "null",
        "[]",
        '"string"',
      ).map(body("edge")),
    },
  );
}
