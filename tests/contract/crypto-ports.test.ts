// Every crypto port computes the same digests, and a string stands for its
// UTF-8 bytes on each of them: the core hashes tokens as strings, so a port
// that read a string any other way (Latin-1, UTF-16) would issue tokens that
// no other port verifies.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type CryptoPort, createOsloCrypto, encodeBase64url, encodeUtf8 } from "@tessera/core";
import { createWebCrypto } from "@tessera/core/platform";
import { createWasmCrypto } from "@tessera/core/wasm-crypto";
import { createNodeCrypto } from "@tessera/node";

async function nativePorts(): Promise<[string, CryptoPort][]> {
  const ports: [string, CryptoPort][] = [["node:crypto", createNodeCrypto()], ["WebCrypto", createWebCrypto()], ["hash-wasm", await createWasmCrypto()]];
  if ("Bun" in globalThis) {
    const { createBunCrypto } = await import("@tessera/bun");
    ports.push(["Bun.CryptoHasher", createBunCrypto()]);
  }
  return ports;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
// Lone surrogates: TextEncoder writes each as U+FFFD's bytes, so every port must too.
const texts = ["", "abc", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0", "naïve € 🔑", "a\ud800b", "\udc00 then \ud83d", "x".repeat(1000)];

test("each crypto port agrees with the pure-JS port on bytes and on strings, and a string means its UTF-8 bytes", async () => {
  const reference = createOsloCrypto();
  const key = encodeUtf8("a 32-byte key for the port tests");
  for (const [name, port] of await nativePorts()) {
    for (const text of texts) {
      const bytes = encodeUtf8(text);
      const expectedMac = hex(await reference.hmacSha256(key, bytes));
      const expectedHash = hex(await reference.sha256(bytes));
      assert.equal(hex(await port.hmacSha256(key, bytes)), expectedMac, `${name} HMAC of bytes of ${JSON.stringify(text)}`);
      assert.equal(hex(await port.hmacSha256(key, text)), expectedMac, `${name} HMAC of the string ${JSON.stringify(text)}`);
      assert.equal(hex(await port.sha256(bytes)), expectedHash, `${name} SHA-256 of bytes of ${JSON.stringify(text)}`);
      assert.equal(hex(await port.sha256(text)), expectedHash, `${name} SHA-256 of the string ${JSON.stringify(text)}`);
    }
  }
});

test("each crypto port matches the published vectors (RFC 4231 case 2, FIPS 180-2 'abc')", async () => {
  const ports: [string, CryptoPort][] = [["pure JS", createOsloCrypto()], ...(await nativePorts())];
  for (const [name, port] of ports) {
    const mac = await port.hmacSha256(encodeUtf8("Jefe"), "what do ya want for nothing?");
    assert.equal(hex(mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", name);
    assert.equal(hex(await port.sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", name);
    assert.equal(mac.length, 32, `${name} returns 32 bytes`);
    // A port may hand back a view into a larger buffer (Bun's digests are not copied): it must encode as its own 32 bytes.
    assert.ok(mac instanceof Uint8Array, `${name} returns a Uint8Array`);
    assert.equal(encodeBase64url(mac), encodeBase64url(Uint8Array.from(mac)), `${name} returns bytes that encode like a fresh copy of them`);
  }
});
