// What the node:http adapter does with client input before the handler runs: the Host it puts into request.url,
// and the bodies it reads (and those it does not).
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { createScenario } from "@tessera/core/testing";
import { createFetchHandler, type FetchHandler } from "@tessera/fetch";
import { type NodeListenerOptions, toNodeListener } from "@tessera/node";
import { rawCall } from "./raw-call.ts";

async function withNodeServer(handler: FetchHandler, options: NodeListenerOptions, body: (url: string) => Promise<void>): Promise<void> {
  const server = createServer(toNodeListener(handler, options));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

test("request.url always parses, whatever the Host: a wrapper's new URL(request.url) never throws", async () => {
  const seen: string[] = [];
  const wrapper: FetchHandler = async (request) => {
    const url = new URL(request.url);
    seen.push(url.host);
    return new Response(url.pathname);
  };
  await withNodeServer(wrapper, {}, async (url) => {
    for (const host of ["localhost:99999", "999.999.999.999", "a b", "x\\y", "x/auth/login?", "[::1]:70000", "api.example.com:8443"]) {
      const answer = await rawCall(url, `GET /server/ping HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      assert.equal(answer.status, 200, host);
      assert.equal(answer.text, "/server/ping", host);
    }
  });
  // A refused Host that begins with "localhost" gets 127.0.0.1, so that it cannot be a prefix of its stand-in.
  assert.deepEqual(seen, ["127.0.0.1", "localhost", "localhost", "localhost", "localhost", "localhost", "api.example.com:8443"]);
});

test("a GET body is never read nor refused: the route answers, and the connection serves on", async () => {
  const s = await createScenario();
  await withNodeServer(createFetchHandler(s.tessera), { maxBodyBytes: 2048 }, async (url) => {
    const body = "x".repeat(20_000);
    const head = `GET /server/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${body.length}\r\n\r\n`;
    // Two requests on one connection: the second is answered only if the first one's body was discarded.
    const answer = await rawCall(url, `${head}${body}GET /server/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    assert.equal(answer.status, 200);
    assert.equal(answer.text.split("pong").length - 1, 2, answer.text.slice(0, 300));
  });
});

test("by default a body over 64 KiB is refused by the adapter before it is buffered whole", async () => {
  const s = await createScenario();
  await withNodeServer(createFetchHandler(s.tessera, { maxBodyBytes: 128 * 1024 }), {}, async (url) => {
    const over = JSON.stringify({ email: "a@b.c", password: "x".repeat(70_000) });
    const refused = await fetch(`${url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: over });
    assert.equal(refused.status, 413);
    assert.match((await refused.json()).errors[0].message, /limit of 65536 bytes/);
    const under = JSON.stringify({ email: "a@b.c", password: "x".repeat(60_000) });
    const passed = await fetch(`${url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: under });
    assert.notEqual(passed.status, 413, "a body under 64 KiB reaches the handler, whose limit here is 128 KiB");
  });
});
