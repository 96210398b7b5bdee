import assert from "node:assert/strict";
import { test } from "node:test";
import type { Store } from "@tessera/core";
import { createMemoryStore } from "@tessera/core/testing";
import { type StartServer, withServer } from "./fixture.ts";
import { rawCall } from "./raw-call.ts";

function failingStore(): Store {
  const store = createMemoryStore();
  return { ...store, findRefreshToken: () => Promise.reject(new Error("disk on fire")) };
}

/** Transport-level behaviour: bad input, unknown routes, limits, CORS, health, faults. */
export function registerProtocolCases(runtime: string, start: StartServer): void {
  const it = (name: string, body: Parameters<typeof withServer>[2], options = {}) => test(`[${runtime}] ${name}`, () => withServer(start, options, body));

  it("an unknown route gets 404 in the error envelope", async (f) => {
    const answer = await f.call("GET", "/items/articles");
    assert.equal(answer.status, 404);
    assert.equal(answer.json.errors[0].extensions.code, "ROUTE_NOT_FOUND");
    assert.match(answer.json.errors[0].message, /\/items\/articles/);
  });

  it("a wrong method gets 405 with an Allow header", async (f) => {
    const answer = await f.call("GET", "/auth/login");
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.get("allow"), "POST");
    assert.equal(answer.json.errors[0].extensions.code, "METHOD_NOT_ALLOWED");
  });

  it("a body over the limit gets 413 PAYLOAD_TOO_LARGE", async (f) => {
    const answer = await f.call("POST", "/auth/login", { raw: JSON.stringify({ email: "a@b.c", password: "x".repeat(40_000) }), headers: { "content-type": "application/json" } });
    assert.equal(answer.status, 413);
    assert.equal(answer.json.errors[0].extensions.code, "PAYLOAD_TOO_LARGE");
  });

  it("a body that is not JSON gets 415 UNSUPPORTED_MEDIA_TYPE", async (f) => {
    const answer = await f.call("POST", "/auth/login", { raw: "email=ada@example.com&password=ada-password", headers: { "content-type": "application/x-www-form-urlencoded" } });
    assert.equal(answer.status, 415);
    assert.equal(answer.json.errors[0].extensions.code, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("malformed JSON and a JSON array get 400 INVALID_PAYLOAD without echoing the body", async (f) => {
    for (const raw of ['{"email":"ada@example.com","password":"secret-pw"', "[1,2]", "\"text\""]) {
      const answer = await f.call("POST", "/auth/login", { raw, headers: { "content-type": "application/json" } });
      assert.equal(answer.status, 400, raw);
      assert.equal(answer.json.errors[0].extensions.code, "INVALID_PAYLOAD");
      assert.doesNotMatch(answer.text, /secret-pw/);
    }
  });

  it("a body that is JSON but not UTF-8 gets 400 INVALID_PAYLOAD, not a guess at its characters", async (f) => {
    // Decoded leniently, 0xff would become U+FFFD and this would be a well-formed login.
    const head = new TextEncoder().encode('{"email":"ada@example.com","password":"ada-password');
    const raw = new Uint8Array([...head, 0xff, ...new TextEncoder().encode('"}')]);
    const answer = await f.call("POST", "/auth/login", { raw, headers: { "content-type": "application/json" } });
    assert.equal(answer.status, 400);
    assert.equal(answer.json.errors[0].extensions.code, "INVALID_PAYLOAD");
    assert.match(answer.json.errors[0].message, /UTF-8/);
    assert.doesNotMatch(answer.text, /ada-password/);
  });

  const hostFaults: unknown[] = [];
  it("a Host the URL parser refuses or that would move the path, or none at all (HTTP/1.0), is routed by the path: never a 500", async (f) => {
    const hosts = ["localhost:99999", "999.999.999.999", "a b", "[::1]:70000", "exa%mple", "", "x\\y", "x/auth/login?", "x?y"];
    const requests = [
      ...hosts.map((host) => `GET /server/ping?access_token=x HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      "GET /server/ping HTTP/1.0\r\n\r\n",
    ];
    for (const request of requests) {
      const answer = await rawCall(f.url, request);
      // A runtime may refuse such a request itself (400) before any handler runs; it must never reach a 500.
      assert.ok(answer.status === 200 || answer.status === 400, `${JSON.stringify(request)} got ${answer.status}: ${answer.text.slice(0, 200)}`);
      if (answer.status === 200) assert.equal(answer.text, "pong");
    }
    const guarded = await rawCall(f.url, "GET /users/me HTTP/1.1\r\nHost: localhost:99999\r\nConnection: close\r\n\r\n");
    assert.ok(guarded.status === 401 || guarded.status === 400, `GET /users/me got ${guarded.status}`);
    if (guarded.status === 401) assert.match(guarded.json.errors[0].message, /Authorization: Bearer/);
    assert.deepEqual(hostFaults, []);
  }, { handler: { onError: (error: unknown) => hostFaults.push(error) } });

  it("a Host that begins with the name a runtime puts in its place cannot move the path", async (f) => {
    for (const [host, path] of [["localhost/server", "/server/users/me"], ["localhost/auth", "/auth/users/me"], ["127.0.0.1/server", "/server/users/me"]]) {
      const answer = await rawCall(f.url, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      assert.equal(answer.status, 404, `${host} + ${path} got ${answer.status}: ${answer.text.slice(0, 200)}`);
      assert.match(answer.json.errors[0].message, new RegExp(`no route ${path}`));
    }
  });

  it("fields of the wrong type get 400 naming the field, never 500", async (f) => {
    for (const body of [{ email: 1, password: "x" }, { email: "a@b.c", password: null }, { email: ["a"], password: {} }]) {
      const answer = await f.call("POST", "/auth/login", { body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.json.errors[0].message, /email|password/);
    }
    const refresh = await f.call("POST", "/auth/refresh", { body: { refresh_token: 42 } });
    assert.equal(refresh.status, 400);
  });

  it("GET /server/health reports the database", async (f) => {
    const answer = await f.call("GET", "/server/health");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { status: "ok", checks: { database: "reachable" } });
  }, { handler: { ping: async () => true } });

  it("GET /server/health answers 200 and says so when the database is unreachable", async (f) => {
    const answer = await f.call("GET", "/server/health");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { status: "error", checks: { database: "unreachable" } });
  }, { handler: { ping: () => Promise.reject(new Error("connection refused")) } });

  it("CORS is off by default: no Access-Control headers", async (f) => {
    const answer = await f.call("GET", "/server/health", { headers: { origin: "https://evil.example" } });
    assert.equal(answer.headers.get("access-control-allow-origin"), null);
    const preflight = await f.call("OPTIONS", "/auth/login", { headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    assert.equal(preflight.headers.get("access-control-allow-origin"), null);
  });

  it("configured CORS answers preflights for allowed origins only", async (f) => {
    const allowed = await f.call("OPTIONS", "/auth/login", { headers: { origin: "https://app.example", "access-control-request-method": "POST" } });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get("access-control-allow-origin"), "https://app.example");
    assert.equal(allowed.headers.get("access-control-allow-credentials"), "true");
    assert.match(allowed.headers.get("access-control-allow-headers") ?? "", /Authorization/);
    const login = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password" }, headers: { origin: "https://app.example" } });
    assert.equal(login.headers.get("access-control-allow-origin"), "https://app.example");
    const other = await f.call("OPTIONS", "/auth/login", { headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    assert.equal(other.headers.get("access-control-allow-origin"), null);
  }, { handler: { cors: { origin: ["https://app.example"], credentials: true } } });

  const reported: unknown[] = [];
  it("an unexpected fault becomes a 500 in the envelope, without details, and is reported to onError", async (f) => {
    const answer = await f.call("POST", "/auth/refresh", { body: { refresh_token: "C".repeat(43) } });
    assert.equal(answer.status, 500);
    assert.equal(answer.json.errors[0].extensions.code, "INTERNAL_SERVER_ERROR");
    assert.doesNotMatch(answer.text, /disk on fire/);
    assert.match(String(reported.at(-1)), /disk on fire/);
  }, { store: failingStore(), handler: { onError: (error: unknown) => reported.push(error) } });

  it("a streamed body without Content-Length is cut off at the limit with 413", async (f) => {
    const chunk = new TextEncoder().encode(" ".repeat(4096));
    let sent = 0;
    const raw = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const answer = await f.call("POST", "/auth/login", { raw, headers: { "content-type": "application/json" }, duplex: true });
    assert.equal(answer.status, 413);
  });
}
