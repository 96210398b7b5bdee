import assert from "node:assert/strict";
import { test } from "node:test";
import { createOsloCrypto, encodeBase64url, encodeUtf8 } from "../src/index.ts";
import { createScenario } from "../src/testing/index.ts";
import { createWebCrypto, systemClock, webRandom } from "./index.ts";

test("the WebCrypto port computes the same HMAC-SHA-256 and SHA-256 as the pure-JS port", async () => {
  const web = createWebCrypto();
  const oslo = createOsloCrypto();
  const key = webRandom.bytes(32);
  for (const text of ["", "abc", "x".repeat(1000)]) {
    const data = encodeUtf8(text);
    assert.equal(encodeBase64url(await web.hmacSha256(key, data)), encodeBase64url(await oslo.hmacSha256(key, data)));
    assert.equal(encodeBase64url(await web.sha256(data)), encodeBase64url(await oslo.sha256(data)));
  }
  // RFC 4231 test case 2.
  const mac = await web.hmacSha256(encodeUtf8("Jefe"), encodeUtf8("what do ya want for nothing?"));
  assert.equal([...mac].map((b) => b.toString(16).padStart(2, "0")).join(""), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
});

test("webRandom draws fresh bytes, also beyond getRandomValues' 64 KiB limit", () => {
  const a = webRandom.bytes(32);
  const b = webRandom.bytes(32);
  assert.notDeepEqual(a, b);
  const big = webRandom.bytes(200_000);
  assert.equal(big.length, 200_000);
  assert.ok(big.subarray(150_000).some((byte) => byte !== 0));
});

test("the system clock reads epoch milliseconds", () => {
  const now = systemClock.now();
  assert.ok(Number.isSafeInteger(now) && now > 1_700_000_000_000);
});

test("a service on the WebCrypto port issues the same tokens as on the pure-JS port", async () => {
  const a = await createScenario({ seed: 5, crypto: createWebCrypto() });
  const b = await createScenario({ seed: 5 });
  assert.deepEqual(await a.loginOrThrow(), await b.loginOrThrow());
});
