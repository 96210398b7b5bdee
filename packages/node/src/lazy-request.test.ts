import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { test } from "node:test";
import { createLazyRequest } from "./lazy-request.ts";

// The parts of an IncomingMessage the stand-in reads.
const incoming = (method: string, rawHeaders: string[]) => ({ method, rawHeaders }) as unknown as IncomingMessage;

test("what the handler reads is served directly, and anything else is forwarded to a real Request", async () => {
  const body = new TextEncoder().encode('{"refresh_token":"x"}');
  const request = createLazyRequest(incoming("POST", ["Host", "example.com", "Content-Type", "application/json"]), "http://example.com/auth/refresh?a=1", body);
  assert.ok(request instanceof Request);
  assert.equal(request.method, "POST");
  assert.equal(request.url, "http://example.com/auth/refresh?a=1");
  assert.equal(request.headers.get("content-type"), "application/json");
  // Forwarded: a getter and a method of Request.prototype that the stand-in does not define.
  assert.equal(request.redirect, "follow");
  const copy = request.clone();
  assert.deepEqual(await copy.json(), { refresh_token: "x" });
  assert.equal(copy.headers.get("host"), "example.com");
});

test("the body is read once, as any Request's", async () => {
  const request = createLazyRequest(incoming("POST", []), "http://example.com/", new TextEncoder().encode("hi"));
  assert.equal(request.bodyUsed, false);
  assert.equal(await request.text(), "hi");
  assert.equal(request.bodyUsed, true);
  await assert.rejects(() => request.text(), TypeError);
});
