import assert from "node:assert/strict";
import { test } from "node:test";
import { lastForwardedAddress, withForwardedAddress } from "./forwarded-address.ts";

test("the client address behind a proxy is the last X-Forwarded-For entry, and junk is ignored", () => {
  assert.equal(lastForwardedAddress("203.0.113.9"), "203.0.113.9");
  assert.equal(lastForwardedAddress("10.0.0.1, 198.51.100.7"), "198.51.100.7");
  assert.equal(lastForwardedAddress("::1, 2001:db8::5"), "2001:db8::5");
  assert.equal(lastForwardedAddress("198.51.100.7, <script>"), null);
  assert.equal(lastForwardedAddress(""), null);
  assert.equal(lastForwardedAddress(null), null);
});

test("with a trusted proxy the handler sees the forwarded address, else the socket's", async () => {
  const seen: (string | null | undefined)[] = [];
  const handler = withForwardedAddress(async (_request, info) => {
    seen.push(info?.clientAddress);
    return new Response(null, { status: 204 });
  });
  await handler(new Request("http://x/", { headers: { "x-forwarded-for": "192.0.2.1, 198.51.100.7" } }), { clientAddress: "127.0.0.1" });
  await handler(new Request("http://x/"), { clientAddress: "127.0.0.1" });
  assert.deepEqual(seen, ["198.51.100.7", "127.0.0.1"]);
});
