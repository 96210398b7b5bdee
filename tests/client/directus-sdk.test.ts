// Directus's own SDK (@directus/sdk 18, the last release that runs on Node 20)
// against the reference server over a real socket, in its three auth modes and
// with a static token: what "clients written for Directus work unchanged" means.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type AuthenticationMode, authentication, createDirectus, type FetchInterface, readMe, rest, staticToken } from "@directus/sdk";
import type { FetchLike } from "@tessera/client";
import { createCookieJarFetch, createCountingFetch, rawGetStatus, withServer } from "./support/wire.ts";

type Me = { readonly id: string; readonly email: string };

/** What the SDK throws for a refused request: Directus's envelope, as it was sent. */
type SdkError = { readonly errors: readonly { readonly message: string; readonly extensions: { readonly code: string } }[]; readonly response: Response };

const sdk = (url: string, mode: AuthenticationMode, fetch: FetchLike) =>
  createDirectus(url, { globals: { fetch: fetch as FetchInterface } })
    .with(authentication(mode, { autoRefresh: false, credentials: "include" }))
    .with(rest({ credentials: "include" }));

test("Directus SDK, json mode: login, readMe, refresh, logout", () => withServer({ reuseGrace: "0s" }, async (server) => {
  const wire = createCountingFetch();
  const client = sdk(server.url, "json", wire.fetch);
  const first = await client.login(server.email, server.password);
  assert.equal(typeof first.access_token, "string");
  assert.equal(typeof first.refresh_token, "string");
  assert.ok(typeof first.expires === "number" && first.expires > 0);
  assert.equal(((await client.request(readMe())) as Me).email, server.email);
  const second = await client.refresh();
  assert.notEqual(second.refresh_token, first.refresh_token);
  assert.equal(await client.getToken(), second.access_token);
  assert.equal(((await client.request(readMe())) as Me).email, server.email);
  await client.logout();
  assert.equal(wire.count("POST /auth/logout"), 1);
  assert.equal(await rawGetStatus(server.url, "/users/me", second.access_token as string), 401, "logout ended the session");
}));

test("Directus SDK, cookie mode: the refresh token stays in the cookie", () => withServer({}, async (server) => {
  const jar = createCookieJarFetch();
  const client = sdk(server.url, "cookie", jar);
  const first = await client.login(server.email, server.password);
  assert.equal(first.refresh_token ?? null, null);
  assert.deepEqual([...jar.jar.keys()], ["tessera_refresh_token"]);
  const cookie = jar.jar.get("tessera_refresh_token");
  await client.refresh();
  assert.notEqual(jar.jar.get("tessera_refresh_token"), cookie, "the refresh rotated the cookie");
  assert.equal(((await client.request(readMe())) as Me).email, server.email);
  await client.logout();
  assert.equal(jar.jar.size, 0, "logout cleared the cookie");
}));

test("Directus SDK, session mode: both tokens in cookies, none in the client", () => withServer({}, async (server) => {
  const jar = createCookieJarFetch();
  const client = sdk(server.url, "session", jar);
  const first = await client.login(server.email, server.password);
  assert.equal(first.access_token ?? null, null);
  assert.equal(first.refresh_token ?? null, null);
  assert.deepEqual([...jar.jar.keys()].sort(), ["tessera_refresh_token", "tessera_session_token"]);
  assert.equal(((await client.request(readMe())) as Me).email, server.email);
  const cookie = jar.jar.get("tessera_refresh_token");
  await client.refresh();
  assert.notEqual(jar.jar.get("tessera_refresh_token"), cookie, "the refresh rotated the refresh cookie");
  assert.equal(((await client.request(readMe())) as Me).email, server.email);
  await client.logout();
  assert.equal(jar.jar.size, 0, "logout cleared both cookies");
}));

test("Directus SDK: a refusal arrives in Directus's error envelope", () => withServer({}, async (server) => {
  const client = sdk(server.url, "json", (input, init) => fetch(input, init));
  const error = (await client.login(server.email, "not the password").catch((e: unknown) => e)) as SdkError;
  assert.equal(error.response.status, 401);
  assert.equal(error.errors[0]?.extensions.code, "INVALID_CREDENTIALS");
  assert.equal(typeof error.errors[0]?.message, "string");
}));

test("Directus SDK, static token: readMe with a token generated for the user", () => withServer({}, async (server) => {
  const owner = sdk(server.url, "json", (input, init) => fetch(input, init));
  await owner.login(server.email, server.password);
  const token = await owner.getToken();
  const response = await fetch(`${server.url}/users/me/token`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const { data } = (await response.json()) as { data: { token: string } };
  const automation = createDirectus(server.url).with(staticToken(data.token)).with(rest());
  assert.equal(((await automation.request(readMe())) as Me).email, server.email);
}));
