// Expiry on a real server with a 2 s access TTL: the client refreshes exactly
// once however many requests meet the expired token, and auto-refresh keeps it
// logged in. Waits are real time (the server runs on the system clock); no test
// asserts how long anything took.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type AuthData, createClient } from "@tessera/client";
import { createCountingFetch, recordedCookieClient, sleep, withServer } from "./support/wire.ts";

type Me = { readonly email: string };
const accessTtl = "2s";

/** Waits until the server has certainly expired the access token (its `exp` is at most `expires` after the request). */
const outlive = (auth: AuthData) => sleep(auth.expires_at - Date.now() + 250);

test("a request after the access token expired refreshes first and succeeds", () => withServer({ accessTtl }, async (server) => {
  const wire = createCountingFetch();
  const client = createClient(server.url, { fetch: wire.fetch, autoRefresh: false });
  const auth = await client.login(server.email, server.password);
  await outlive(auth);
  assert.equal((await client.request<Me>("/users/me")).email, server.email);
  assert.equal(wire.count("POST /auth/refresh"), 1);
  assert.equal(wire.count("GET /users/me"), 1, "the expired token was never sent");
}));

test("50 concurrent requests that meet TOKEN_EXPIRED share exactly one refresh and all succeed", () => withServer({ accessTtl }, async (server) => {
  const wire = createCountingFetch();
  // A clock that stopped at login: the client believes its token is fresh, so every request goes out with it.
  const frozen = Date.now();
  const client = createClient(server.url, { fetch: wire.fetch, autoRefresh: false, clock: { now: () => frozen } });
  await client.login(server.email, server.password);
  await sleep(2_000 + 250);
  const results = await Promise.allSettled(Array.from({ length: 50 }, () => client.request<Me>("/users/me")));
  const failures = results.filter((r) => r.status === "rejected");
  assert.deepEqual(failures, []);
  for (const result of results) assert.equal(result.status === "fulfilled" && result.value.email, server.email);
  assert.equal(wire.count("POST /auth/refresh"), 1);
  assert.equal(wire.count("GET /users/me"), 100, "each request went out, met TOKEN_EXPIRED, and was retried once");
  await sleep(200); // the server's log lines travel through a pipe
  assert.equal(server.count("POST", "/auth/refresh"), 1, "the server's own request log agrees");
}));

test("50 requests spread across the expiry instant cause exactly one refresh and all succeed", () => withServer({ accessTtl }, async (server) => {
  const wire = createCountingFetch();
  const client = createClient(server.url, { fetch: wire.fetch, autoRefresh: false });
  const auth = await client.login(server.email, server.password);
  await sleep(auth.expires_at - Date.now() - 1_000);
  // One request every 30 ms from 1 s before the expiry to 0.5 s after it, each left to run while the next starts.
  // (Not further: `exp` is in whole seconds, so the refreshed token may live only a little over 1 s of its 2 s TTL,
  // and a second, legitimate refresh would follow.)
  const requests: Promise<Me>[] = [];
  for (let i = 0; i < 50; i++) {
    requests.push(client.request<Me>("/users/me"));
    await sleep(30);
  }
  const results = await Promise.allSettled(requests);
  assert.deepEqual(results.filter((r) => r.status === "rejected"), []);
  assert.equal(wire.count("POST /auth/refresh"), 1);
}));

test("auto-refresh keeps the client logged in across several expiries", () => withServer({ accessTtl }, async (server) => {
  const wire = createCountingFetch();
  const changes: (AuthData | null)[] = [];
  const client = createClient(server.url, { fetch: wire.fetch, onChange: (auth) => changes.push(auth) });
  try {
    const first = await client.login(server.email, server.password);
    await sleep(3 * 2_000);
    assert.ok(wire.count("POST /auth/refresh") >= 2, `refreshed ${wire.count("POST /auth/refresh")} times in three lifetimes`);
    assert.ok(changes.every((auth) => auth !== null), "never logged out");
    const current = await client.getToken();
    assert.notEqual(current, first.access_token);
    const refreshesBefore = wire.count("POST /auth/refresh");
    assert.equal((await client.request<Me>("/users/me")).email, server.email);
    assert.equal(wire.count("GET /users/me"), 1, "the token in hand was still valid: no TOKEN_EXPIRED retry");
    assert.ok(wire.count("POST /auth/refresh") - refreshesBefore <= 1);
  } finally {
    client.close();
  }
}));

test("a closed client stops refreshing", () => withServer({ accessTtl }, async (server) => {
  const wire = createCountingFetch();
  const client = createClient(server.url, { fetch: wire.fetch });
  await client.login(server.email, server.password);
  client.close();
  await sleep(2_000);
  assert.equal(wire.count("POST /auth/refresh"), 0);
}));

test("auto-refresh keeps a session-mode client logged in across several expiries, with no token in its hands", () => withServer({ accessTtl }, async (server) => {
  const changes: (AuthData | null)[] = [];
  const { wire, client } = recordedCookieClient(server.url, { mode: "session", autoRefresh: true, onChange: (auth) => changes.push(auth) });
  try {
    await client.login(server.email, server.password);
    await sleep(3 * 2_000);
    assert.ok(wire.count("POST /auth/refresh") >= 2, `refreshed ${wire.count("POST /auth/refresh")} times in three lifetimes`);
    assert.ok(changes.every((auth) => auth !== null && auth.access_token === null), "never logged out, never held a token");
    assert.equal((await client.request<Me>("/users/me")).email, server.email);
    assert.equal(wire.count("GET /users/me"), 1, "the session cookie in the jar was still valid: no retry");
  } finally {
    client.close();
  }
}));
