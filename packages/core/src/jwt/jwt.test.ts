import assert from "node:assert/strict";
import { test } from "node:test";
import { createOsloCrypto } from "../oslo-crypto.ts";
import { createSeededRandom } from "../testing/seeded-random.ts";
import { decodeBase64url, encodeBase64url } from "../util/base64url.ts";
import { decodeUtf8, encodeUtf8 } from "../util/utf8.ts";
import { decodeAccessToken } from "./decode-jwt.ts";
import { encodeAccessToken } from "./encode-jwt.ts";
import { createKeyring, generateHmacKey } from "./keyring.ts";

const crypto = createOsloCrypto();
const random = createSeededRandom(99);
const oldKey = generateHmacKey(random);
const newKey = generateHmacKey(random);
const claims = { id: "u1", role: "user", sub: "u1", sid: "s1", iat: 1_700_000_000, exp: 1_700_000_900, iss: "tessera" };
const b64json = (value: unknown) => encodeBase64url(encodeUtf8(JSON.stringify(value)));
const sign = async (header: unknown, payload: unknown, secret = newKey.secret) => {
  const input = `${b64json(header)}.${b64json(payload)}`;
  return `${input}.${encodeBase64url(await crypto.hmacSha256(secret, encodeUtf8(input)))}`;
};

test("an HS256 token round-trips with its kid in the header and claims in a fixed order", async () => {
  const token = await encodeAccessToken(claims, newKey, crypto);
  const [header, payload] = token.split(".").map((part) => decodeUtf8(decodeBase64url(part)!));
  assert.equal(header, JSON.stringify({ alg: "HS256", typ: "JWT", kid: newKey.kid }));
  assert.equal(payload, JSON.stringify(claims));
  assert.deepEqual(await decodeAccessToken(token, createKeyring(newKey), crypto), { ok: true, claims });
});

test("a token signed by a retired key still verifies while that key is in the ring", async () => {
  const token = await encodeAccessToken(claims, oldKey, crypto);
  assert.ok((await decodeAccessToken(token, createKeyring(newKey, [oldKey]), crypto)).ok);
  assert.deepEqual(await decodeAccessToken(token, createKeyring(newKey), crypto), { ok: false, reason: "unknown_kid" });
});

test("alg none is refused, with or without a signature", async () => {
  const keyring = createKeyring(newKey);
  const body = `${b64json({ alg: "none", typ: "JWT", kid: newKey.kid })}.${b64json(claims)}`;
  assert.deepEqual(await decodeAccessToken(`${body}.`, keyring, crypto), { ok: false, reason: "wrong_algorithm" });
  assert.deepEqual(await decodeAccessToken(body, keyring, crypto), { ok: false, reason: "malformed" });
});

test("an algorithm other than the key's is refused even when signed with the key", async () => {
  const keyring = createKeyring(newKey);
  for (const alg of ["HS384", "HS512", "RS256", "ES256", "hs256"]) {
    const token = await sign({ alg, typ: "JWT", kid: newKey.kid }, claims);
    assert.deepEqual(await decodeAccessToken(token, keyring, crypto), { ok: false, reason: "wrong_algorithm" }, alg);
  }
});

test("an unknown, missing or path-like kid is refused", async () => {
  const keyring = createKeyring(newKey);
  for (const kid of ["nope", "../../etc/passwd", undefined, 42]) {
    const token = await sign({ alg: "HS256", typ: "JWT", kid }, claims);
    assert.deepEqual(await decodeAccessToken(token, keyring, crypto), { ok: false, reason: "unknown_kid" }, String(kid));
  }
});

test("an altered payload, altered or stripped signature, or a foreign key is refused", async () => {
  const keyring = createKeyring(newKey);
  const token = await encodeAccessToken(claims, newKey, crypto);
  const [h, p, s] = token.split(".") as [string, string, string];
  const forged = b64json({ ...claims, role: "admin" });
  assert.deepEqual(await decodeAccessToken(`${h}.${forged}.${s}`, keyring, crypto), { ok: false, reason: "bad_signature" });
  const flipped = s.slice(0, 5) + (s[5] === "A" ? "B" : "A") + s.slice(6);
  assert.deepEqual(await decodeAccessToken(`${h}.${p}.${flipped}`, keyring, crypto), { ok: false, reason: "bad_signature" });
  assert.deepEqual(await decodeAccessToken(`${h}.${p}.`, keyring, crypto), { ok: false, reason: "bad_signature" });
  const foreign = await sign({ alg: "HS256", typ: "JWT", kid: newKey.kid }, claims, oldKey.secret);
  assert.deepEqual(await decodeAccessToken(foreign, keyring, crypto), { ok: false, reason: "bad_signature" });
});

test("a signature of the right length with a foreign character or non-canonical trailing bits is refused", async () => {
  const keyring = createKeyring(newKey);
  const [h, p, s] = (await encodeAccessToken(claims, newKey, crypto)).split(".") as [string, string, string];
  for (const bad of [`+${s.slice(1)}`, `${s.slice(0, 42)}=`, `${s.slice(0, 42)}${s[42] === "B" ? "C" : "B"}`, s.slice(0, 42), `${s}A`]) {
    assert.deepEqual(await decodeAccessToken(`${h}.${p}.${bad}`, keyring, crypto), { ok: false, reason: "bad_signature" }, bad);
  }
});

test("verifications that overlap on an asynchronous crypto port each judge their own signature", async () => {
  // The port answers in reverse order of asking, so every verification resumes after all the others have started.
  const pending: Array<() => void> = [];
  const slow = {
    ...crypto,
    hmacSha256: (key: Uint8Array, data: Uint8Array | string) =>
      new Promise<Uint8Array>((resolve) => pending.push(() => resolve(crypto.hmacSha256(key, data) as Uint8Array))),
  };
  const keyring = createKeyring(newKey);
  const tokens = await Promise.all(["u1", "u2", "u3"].map((sub) => encodeAccessToken({ ...claims, sub, id: sub }, newKey, crypto)));
  const [h, p] = tokens[0]!.split(".") as [string, string];
  const forged = `${h}.${p}.${tokens[1]!.split(".")[2]}`;
  const verifications = [...tokens, forged].map((token) => decodeAccessToken(token, keyring, slow));
  while (pending.length > 0) pending.pop()!();
  const results = await Promise.all(verifications);
  assert.deepEqual(
    results.map((result) => (result.ok ? result.claims.sub : result.reason)),
    ["u1", "u2", "u3", "bad_signature"],
  );
});

test("a correctly signed token with a payload longer than the decoder's shared buffer verifies", async () => {
  // A member Tessera does not read makes it 2,000 bytes longer: past the 1,024-byte buffer, within the 4,096-character limit.
  const big = { ...claims, note: "n".repeat(2000) };
  const token = await sign({ alg: "HS256", typ: "JWT", kid: newKey.kid }, big);
  const result = await decodeAccessToken(token, createKeyring(newKey), crypto);
  assert.deepEqual(result, { ok: true, claims });
});

test("malformed tokens are refused without throwing: wrong segment count, bad base64, bad JSON, extra header members, huge", async () => {
  const keyring = createKeyring(newKey);
  const good = await encodeAccessToken(claims, newKey, crypto);
  const cases = [
    "",
    "a.b",
    `${good}.extra`,
    "!!!.???.***",
    `${encodeBase64url(encodeUtf8("{not json"))}.${b64json(claims)}.sig`,
    `${b64json([1, 2])}.${b64json(claims)}.sig`,
    await sign({ alg: "HS256", typ: "JWT", kid: newKey.kid, crit: ["exp"] }, claims),
    await sign({ alg: "HS256", typ: "JOSE+JSON", kid: newKey.kid }, claims),
    `${good.split(".")[0]}.${"A".repeat(100_000)}.${good.split(".")[2]}`,
  ];
  for (const token of cases) {
    const result = await decodeAccessToken(token, keyring, crypto);
    assert.deepEqual(result, { ok: false, reason: "malformed" }, token.slice(0, 40));
  }
});

test("a correctly signed token with missing or mistyped claims is refused as bad_claims", async () => {
  const keyring = createKeyring(newKey);
  const header = { alg: "HS256", typ: "JWT", kid: newKey.kid };
  // A byte-order mark before the payload's JSON is not JSON: refused, not stripped.
  const input = `${b64json(header)}.${encodeBase64url(encodeUtf8(`\uFEFF${JSON.stringify(claims)}`))}`;
  const withBom = `${input}.${encodeBase64url(await crypto.hmacSha256(newKey.secret, encodeUtf8(input)))}`;
  assert.deepEqual(await decodeAccessToken(withBom, keyring, crypto), { ok: false, reason: "bad_claims" });
  for (const payload of [{ ...claims, exp: "soon" }, { ...claims, sid: undefined }, { ...claims, sub: "other" }, { ...claims, iat: 1.5 }, "a string", null]) {
    assert.deepEqual(await decodeAccessToken(await sign(header, payload), keyring, crypto), { ok: false, reason: "bad_claims" }, JSON.stringify(payload));
  }
});

test("a keyring refuses short secrets, bad kids and a kid used twice", () => {
  assert.throws(() => createKeyring({ kid: "k", alg: "HS256", secret: new Uint8Array(16) }), /shorter than 32 bytes/);
  assert.throws(() => createKeyring({ kid: "a/b", alg: "HS256", secret: new Uint8Array(32) }), /kid must be/);
  assert.throws(() => createKeyring(newKey, [{ ...oldKey, kid: newKey.kid }]), /used twice/);
});
