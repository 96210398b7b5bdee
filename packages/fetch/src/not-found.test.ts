import assert from "node:assert/strict";
import { test } from "node:test";
import { createScenario } from "@tessera/core/testing";
import { createFetchHandler } from "./create-fetch-handler.ts";

const fallback = () => new Response("from notFound", { status: 200 });

test("notFound answers only requests that match no route; routes, their own 404s and 405s always win", async () => {
  const s = await createScenario({ role: "admin" });
  const seen: string[] = [];
  const handler = createFetchHandler(s.tessera, {
    now: s.clock.now,
    notFound: (request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
      return fallback();
    },
  });
  const { accessToken } = await s.loginOrThrow();
  const auth = { Authorization: `Bearer ${accessToken}` };
  assert.equal(await (await handler(new Request("http://x/app.js"))).text(), "from notFound");
  assert.equal((await handler(new Request("http://x/users/me", { headers: auth }))).status, 200);
  const unknownUser = await handler(new Request("http://x/users/no_such_user", { headers: auth }));
  assert.equal(unknownUser.status, 404, "a route's own 404 stays the route's");
  assert.equal(((await unknownUser.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code, "NOT_FOUND");
  assert.equal((await handler(new Request("http://x/users/me", { method: "PUT", headers: auth }))).status, 405);
  assert.equal((await handler(new Request("http://x/users/me"))).status, 401, "a route that refuses the caller is not passed on");
  assert.deepEqual(seen, ["GET /app.js"]);
});

test("a null from notFound gives the usual 404 envelope", async () => {
  const s = await createScenario();
  const handler = createFetchHandler(s.tessera, { now: s.clock.now, notFound: () => null });
  const response = await handler(new Request("http://x/nope"));
  assert.equal(response.status, 404);
  assert.equal(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code, "ROUTE_NOT_FOUND");
});
