import assert from "node:assert/strict";
import { test } from "node:test";
import { createScenario } from "../src/testing/index.ts";
import { createWebCrypto, systemClock, webRandom } from "./index.ts";

// The WebCrypto port's digests are checked against the pure-JS port and the published vectors, with the other
// native ports, in tests/contract/crypto-ports.test.ts.

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
