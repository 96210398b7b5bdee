import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { createOsloCrypto } from "../src/oslo-crypto.ts";
import { createWasmCrypto } from "./wasm-crypto.ts";

// Its digests against the published vectors and the other ports: tests/contract/crypto-ports.test.ts. Here, what is
// particular to this port: one WebAssembly instance shared by every call, and a key's first use answering later.

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

test("a key's first HMAC answers asynchronously, later ones synchronously, and both give the same digest", async () => {
  const port = await createWasmCrypto();
  const key = new Uint8Array(32).fill(7);
  const first = port.hmacSha256(key, "payload");
  assert.ok(first instanceof Promise);
  const firstDigest = await first;
  const second = port.hmacSha256(key, "payload");
  assert.ok(!(second instanceof Promise));
  assert.equal(hex(firstDigest), hex(second));
});

test("first uses of many keys at once, mixed with cached keys and hashing, each get their own digest", async () => {
  const port = await createWasmCrypto();
  const reference = createOsloCrypto();
  const cached = new Uint8Array(32).fill(1);
  await port.hmacSha256(cached, "warm");
  const keys = Array.from({ length: 20 }, (_, i) => new Uint8Array(i * 7 + 1).fill(i + 2));
  const pending = keys.map((key, i) => port.hmacSha256(key, `message ${i}`));
  // While the first uses wait, the shared instance serves other calls.
  const between = [port.hmacSha256(cached, "between"), port.sha256("between")];
  const digests = await Promise.all(pending);
  for (const [i, key] of keys.entries()) {
    assert.equal(hex(digests[i] as Uint8Array), hex(await reference.hmacSha256(key, new TextEncoder().encode(`message ${i}`))), `key ${i}`);
  }
  assert.equal(hex(await between[0]!), hex(await reference.hmacSha256(cached, new TextEncoder().encode("between"))));
  assert.equal(hex(await between[1]!), hex(await reference.sha256(new TextEncoder().encode("between"))));
});

test("keys longer than a block, views into larger buffers, and arbitrary data agree with the pure-JS port", async () => {
  const port = await createWasmCrypto();
  const reference = createOsloCrypto();
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), fc.nat(16), async (key, data, offset) => {
      // A view that starts and ends inside a bigger buffer, so that a port reading the whole buffer would differ.
      const padded = new Uint8Array(data.length + offset + 5).fill(0xaa);
      padded.set(data, offset);
      const view = padded.subarray(offset, offset + data.length);
      assert.equal(hex(await port.hmacSha256(key, view)), hex(await reference.hmacSha256(key, data)));
      assert.equal(hex(await port.sha256(view)), hex(await reference.sha256(data)));
    }),
    { numRuns: 200 },
  );
});

test("a digest is the caller's own: a later call does not change it", async () => {
  const port = await createWasmCrypto();
  const key = new Uint8Array(32).fill(9);
  const a = await port.hmacSha256(key, "a");
  const copy = hex(a);
  await port.hmacSha256(key, "b");
  await port.sha256("c");
  assert.equal(hex(a), copy);
});
