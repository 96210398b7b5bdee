// The client against a real Tessera server over a real socket: login, requests,
// refresh, logout, cookie mode and static-token mode.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError, createClient, createMemoryStorage } from "@tessera/client";
import { createCookieJarFetch, createCountingFetch, rawGetStatus, rawPost, recordedCookieClient, withServer } from "./support/wire.ts";

type Me = { readonly id: string; readonly email: string; readonly role: string };

test("login stores the pair and request sends the bearer", () => withServer({}, async (server) => {
  const storage = createMemoryStorage();
  const client = createClient(server.url, { storage, autoRefresh: false });
  const auth = await client.login(server.email, server.password);
  assert.deepEqual(await storage.get(), auth);
  assert.equal(typeof auth.refresh_token, "string");
  assert.ok(auth.expires > 15 * 60_000 - 1000 && auth.expires <= 15 * 60_000, `expires is the access token's remaining life: ${auth.expires}`);
  const me = await client.request<Me>("/users/me");
  assert.equal(me.email, server.email);
  assert.equal(await client.getToken(), auth.access_token);
}));

test("refresh rotates the pair and the old refresh token stops working", () => withServer({ reuseGrace: "0s" }, async (server) => {
  const client = createClient(server.url, { autoRefresh: false });
  const first = await client.login(server.email, server.password);
  const second = await client.refresh();
  assert.notEqual(second.refresh_token, first.refresh_token);
  assert.equal((await client.request<Me>("/users/me")).email, server.email);
  // Presenting the spent token again is a reuse: it must be refused (and ends the session).
  assert.equal(await rawPost(server.url, "/auth/refresh", { refresh_token: first.refresh_token }), 401);
}));

test("logout ends the session on the server and clears the storage", () => withServer({}, async (server) => {
  const storage = createMemoryStorage();
  const client = createClient(server.url, { storage, autoRefresh: false });
  const auth = await client.login(server.email, server.password);
  await client.logout();
  assert.equal(await storage.get(), null);
  assert.equal(await client.getToken(), null);
  assert.ok(auth.access_token !== null, "json mode keeps the access token");
  assert.equal(await rawGetStatus(server.url, "/users/me", auth.access_token), 401);
  assert.equal(await rawPost(server.url, "/auth/refresh", { refresh_token: auth.refresh_token }), 401);
}));

test("cookie mode keeps the refresh token out of storage and refreshes with the cookie", () => withServer({}, async (server) => {
  const { storage, jarFetch, wire, client } = recordedCookieClient(server.url, { mode: "cookie" });
  const first = await client.login(server.email, server.password);
  assert.equal(first.refresh_token, null);
  assert.equal(jarFetch.jar.size, 1, "the server set the refresh cookie");
  const firstCookie = [...jarFetch.jar.values()][0];
  const second = await client.refresh();
  assert.notEqual([...jarFetch.jar.values()][0], firstCookie, "the refresh rotated the cookie");
  assert.equal(wire.count("POST /auth/refresh"), 1);
  assert.equal((await client.request<Me>("/users/me")).email, server.email);
  assert.deepEqual(wire.sent.map((s) => [s.route, s.credentials]), [
    ["POST /auth/login", "include"],
    ["POST /auth/refresh", "include"],
    ["GET /users/me", "same-origin"],
  ], "the refresh cookie goes cross-origin to the /auth routes only; other requests carry the bearer");
  await client.logout();
  assert.equal(await storage.get(), null);
  assert.equal(jarFetch.jar.size, 0, "logout cleared the refresh cookie");
  assert.ok(second.access_token !== null, "cookie mode keeps the access token");
  assert.equal(await rawGetStatus(server.url, "/users/me", second.access_token), 401);
}));

test("cookie mode refreshes from the cookie alone after a reload emptied the memory storage", () => withServer({}, async (server) => {
  const jarFetch = createCookieJarFetch();
  const before = createClient(server.url, { mode: "cookie", fetch: jarFetch, autoRefresh: false });
  await before.login(server.email, server.password);
  const reloaded = createClient(server.url, { mode: "cookie", fetch: jarFetch, autoRefresh: false });
  assert.equal(await reloaded.getToken(), null);
  await reloaded.refresh();
  assert.equal((await reloaded.request<Me>("/users/me")).email, server.email);
}));

test("static-token mode sends the static token and has no session to manage", () => withServer({}, async (server) => {
  const owner = createClient(server.url, { autoRefresh: false });
  await owner.login(server.email, server.password);
  const { token } = await owner.request<{ token: string }>("/users/me/token", { method: "POST" });
  assert.match(token, /^tsk_/);
  const wire = createCountingFetch();
  const automation = createClient(server.url, { staticToken: token, fetch: wire.fetch });
  assert.equal((await automation.request<Me>("/users/me")).email, server.email);
  assert.equal(await automation.getToken(), token);
  await assert.rejects(automation.login(server.email, server.password), TypeError);
  await assert.rejects(automation.refresh(), TypeError);
  assert.equal(wire.count("POST /auth/login") + wire.count("POST /auth/refresh"), 0);
  // Generating a new static token retires the old one at once.
  await owner.request("/users/me/token", { method: "POST" });
  const error = await automation.request("/users/me").catch((e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.code, "INVALID_TOKEN");
}));

test("request sends JSON bodies and resolves a 204 to undefined", () => withServer({}, async (server) => {
  const client = createClient(server.url, { autoRefresh: false });
  await client.login(server.email, server.password);
  const created = await client.request<Me>("/users", { json: { email: "grace@example.com", password: "another long password" } });
  assert.equal(created.email, "grace@example.com");
  assert.equal(await client.request(`/users/${created.id}`, { method: "DELETE" }), undefined);
}));

test("session mode keeps both tokens in HttpOnly cookies and authenticates requests with the session cookie", () => withServer({}, async (server) => {
  const { storage, jarFetch, wire, client } = recordedCookieClient(server.url, { mode: "session" });
  const first = await client.login(server.email, server.password);
  assert.equal(first.access_token, null);
  assert.equal(first.refresh_token, null);
  assert.ok(first.expires > 15 * 60_000 - 1000 && first.expires <= 15 * 60_000, `expires is the access token's remaining life: ${first.expires}`);
  assert.deepEqual(await storage.get(), first, "storage holds the expiry and no token");
  assert.deepEqual([...jarFetch.jar.keys()].sort(), ["tessera_refresh_token", "tessera_session_token"]);
  const firstRefresh = jarFetch.jar.get("tessera_refresh_token") as string;
  assert.equal(await client.getToken(), null, "no script can read the access token");

  assert.equal((await client.request<Me>("/users/me")).email, server.email);
  const me = wire.sent.at(-1);
  assert.deepEqual(me, { route: "GET /users/me", authorization: null, credentials: "include" });

  // Dropped first, so that finding it again shows the refresh set it (two access tokens issued within a second can be the same JWT).
  jarFetch.jar.delete("tessera_session_token");
  await client.refresh();
  assert.notEqual(jarFetch.jar.get("tessera_refresh_token"), firstRefresh, "the refresh rotated the refresh cookie");
  assert.ok(jarFetch.jar.has("tessera_session_token"), "the refresh set the session cookie");
  assert.equal((await client.request<Me>("/users/me")).email, server.email);
  assert.ok(wire.sent.filter((s) => s.route.startsWith("POST /auth/")).every((s) => s.credentials === "include" && s.authorization === null));

  const lastAccess = jarFetch.jar.get("tessera_session_token") as string;
  await client.logout();
  assert.equal(await storage.get(), null);
  assert.equal(jarFetch.jar.size, 0, "logout cleared both cookies");
  assert.equal(await rawGetStatus(server.url, "/users/me", lastAccess), 401, "the session ended on the server");
}));

test("session mode refreshes from the cookies alone after a reload emptied the memory storage", () => withServer({}, async (server) => {
  const jarFetch = createCookieJarFetch();
  const before = createClient(server.url, { mode: "session", fetch: jarFetch, autoRefresh: false });
  await before.login(server.email, server.password);
  const reloaded = createClient(server.url, { mode: "session", fetch: jarFetch, autoRefresh: false });
  // With nothing stored, the session cookie still authenticates: the browser sends it.
  assert.equal((await reloaded.request<Me>("/users/me")).email, server.email);
  const auth = await reloaded.refresh();
  assert.equal(auth.access_token, null);
  assert.equal((await reloaded.request<Me>("/users/me")).email, server.email);
}));

test("session mode refreshes once and retries when the session cookie is gone but the refresh cookie is not", () => withServer({}, async (server) => {
  const { jarFetch, wire, client } = recordedCookieClient(server.url, { mode: "session" });
  await client.login(server.email, server.password);
  // A browser drops an expired cookie by its own clock, which may run ahead of the client's.
  jarFetch.jar.delete("tessera_session_token");
  assert.equal((await client.request<Me>("/users/me")).email, server.email);
  assert.equal(wire.count("POST /auth/refresh"), 1);
  assert.equal(wire.count("GET /users/me"), 2);
}));

test("session mode after a reload: a request whose session cookie is gone refreshes from the refresh cookie and retries", () => withServer({}, async (server) => {
  const jarFetch = createCookieJarFetch();
  await createClient(server.url, { mode: "session", fetch: jarFetch, autoRefresh: false }).login(server.email, server.password);
  jarFetch.jar.delete("tessera_session_token");
  const wire = createCountingFetch(jarFetch);
  const reloaded = createClient(server.url, { mode: "session", fetch: wire.fetch, autoRefresh: false });
  assert.equal((await reloaded.request<Me>("/users/me")).email, server.email);
  assert.deepEqual(wire.sent.map((s) => [s.route, s.credentials]), [
    ["GET /users/me", "include"],
    ["POST /auth/refresh", "include"],
    ["GET /users/me", "include"],
  ]);
}));

test("session mode with no cookies at all: a request is refused as it was, after one refresh attempt", () => withServer({}, async (server) => {
  const wire = createCountingFetch(createCookieJarFetch());
  const visitor = createClient(server.url, { mode: "session", fetch: wire.fetch, autoRefresh: false });
  const error = await visitor.request("/users/me").catch((e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.deepEqual([error.status, error.reason], [401, "missing_token"]);
  assert.equal(wire.count("POST /auth/refresh"), 1);
}));

test("in cookie and session modes a refresh cookie the browser dropped ends the session: storage is cleared", () => withServer({}, async (server) => {
  for (const mode of ["cookie", "session"] as const) {
    const { storage, jarFetch, client } = recordedCookieClient(server.url, { mode });
    await client.login(server.email, server.password);
    jarFetch.jar.delete("tessera_refresh_token");
    const error = await client.refresh().catch((e: unknown) => e);
    assert.ok(error instanceof ApiError, mode);
    assert.deepEqual([error.status, error.reason], [400, "missing_token"], mode);
    assert.equal(await storage.get(), null, `${mode}: the session is over`);
  }
}));

test("a login in another mode than the client's own: what is stored decides, and switching back is clean", () => withServer({}, async (server) => {
  const { jarFetch, wire, client } = recordedCookieClient(server.url);
  const session = await client.login(server.email, server.password, { mode: "session" });
  assert.equal(session.access_token, null);
  await client.refresh();
  assert.deepEqual(wire.sent.at(-1), { route: "POST /auth/refresh", authorization: null, credentials: "include" });
  assert.equal((await client.request<Me>("/users/me")).email, server.email);
  // Back to json mode without logging out: the server clears the session cookie, so the bearer travels alone.
  const json = await client.login(server.email, server.password, { mode: "json" });
  assert.equal(typeof json.refresh_token, "string");
  assert.ok(!jarFetch.jar.has("tessera_session_token"), "the json login cleared the session cookie");
  assert.equal((await client.request<Me>("/users/me")).email, server.email);
  assert.deepEqual(wire.sent.at(-1), { route: "GET /users/me", authorization: `Bearer ${json.access_token}`, credentials: "same-origin" });
}));
