// The node:http adapter writes the text that @tessera/fetch keeps aside, and
// skips building a body stream. A handler wrapped by middleware that rebuilds
// each Response (to add a header, say) must still send every body: it used to
// send 200 with an empty body, a login without its tokens.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { createScenario } from "@tessera/core/testing";
import { createFetchHandler, type FetchHandler } from "@tessera/fetch";
import { toNodeListener } from "@tessera/node";

// Each wrapper, and whether it marks its responses with X-Wrapped (which must arrive too).
const wrappers: [string, (inner: FetchHandler) => FetchHandler, boolean][] = [
  ["rebuilds from body", (inner) => async (request, info) => {
    const response = await inner(request, info);
    const rebuilt = new Response(response.body, response);
    rebuilt.headers.set("X-Wrapped", "1");
    return rebuilt;
  }, true],
  ["rebuilds from text()", (inner) => async (request, info) => {
    const response = await inner(request, info);
    const text = await response.text();
    return new Response(response.status === 204 ? null : text, { status: response.status, headers: response.headers });
  }, false],
  ["reads a clone, returns the original", (inner) => async (request, info) => {
    const response = await inner(request, info);
    await response.clone().text();
    return response;
  }, false],
  ["sets a header in place", (inner) => async (request, info) => {
    const response = await inner(request, info);
    response.headers.set("X-Wrapped", "1");
    return response;
  }, true],
];

for (const [name, wrap, marks] of wrappers) {
  test(`node:http adapter, behind a wrapper that ${name}: every body arrives`, async () => {
    const s = await createScenario();
    const server = createServer(toNodeListener(wrap(createFetchHandler(s.tessera, { now: s.clock.now }))));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const login = await post("/auth/login", { email: "ada@example.com", password: s.password });
      assert.equal(login.status, 200);
      assert.equal(login.headers.get("x-wrapped"), marks ? "1" : null, "the wrapper's own header arrives");
      const { data } = (await login.json()) as { data: { access_token: string; refresh_token: string; expires: number } };
      assert.ok(data.access_token.length > 0 && data.refresh_token.length > 0 && data.expires > 0);

      const me = await fetch(`${base}/users/me`, { headers: { Authorization: `Bearer ${data.access_token}` } });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { data: { email: string } }).data.email, "ada@example.com");

      const refused = await post("/auth/login", { email: "ada@example.com", password: "wrong" });
      assert.equal(refused.status, 401);
      assert.equal(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code, "INVALID_CREDENTIALS");

      const logout = await post("/auth/logout", { refresh_token: data.refresh_token });
      assert.equal(logout.status, 204);
      assert.equal(await logout.text(), "");
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  });
}
