import assert from "node:assert/strict";
import { test } from "node:test";
import { deriveSigningKey } from "./derive-signing-key.ts";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

test("a signing key is HMAC-SHA-256(secret, 'tessera-hs256:' + kid), the same on every runtime and release", async () => {
  const secret = new TextEncoder().encode("a-server-secret-of-at-least-32-chars!");
  const key = deriveSigningKey(secret, "key-1");
  assert.equal(key.kid, "key-1");
  assert.equal(key.alg, "HS256");
  // From `printf 'tessera-hs256:key-1' | openssl dgst -sha256 -hmac 'a-server-secret-of-at-least-32-chars!'`: a
  // server upgraded to a release that derived otherwise would refuse every token it had issued.
  assert.equal(hex(key.secret), "19c70fb3b1f1831e68e8af71a4676d76b3db1038d2c330060765b4ba37088153");
  // And against WebCrypto, for other kids: each kid its own key.
  const webKey = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  for (const kid of ["key-2", "deno-1", "k"]) {
    const expected = new Uint8Array(await crypto.subtle.sign("HMAC", webKey, new TextEncoder().encode(`tessera-hs256:${kid}`)));
    assert.deepEqual(deriveSigningKey(secret, kid).secret, expected, kid);
  }
  assert.notDeepEqual(deriveSigningKey(secret, "key-2").secret, key.secret);
});
