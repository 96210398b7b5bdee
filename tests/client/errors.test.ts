// Every refusal reaches the caller as a typed error carrying the server's code
// and reason, and the client's own failures carry codes of their own.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError, type Client, createClient, createMemoryStorage, NetworkError, NotLoggedInError } from "@tessera/client";
import { rawPost, withServer } from "./support/wire.ts";

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
  return error;
}

test("a wrong password is INVALID_CREDENTIALS and stores nothing", () => withServer({}, async (server) => {
  const storage = createMemoryStorage();
  const client = createClient(server.url, { storage, autoRefresh: false });
  const error = await refusal(client.login(server.email, "not the password"));
  assert.deepEqual([error.status, error.code, error.reason], [401, "INVALID_CREDENTIALS", "wrong_credentials"]);
  assert.doesNotMatch(error.message, /not the password/);
  assert.equal(await storage.get(), null);
}));

test("a malformed payload is INVALID_PAYLOAD", () => withServer({}, async (server) => {
  const client = createClient(server.url, { autoRefresh: false });
  const error = await refusal(client.request("/auth/login", { body: "{not json", headers: { "content-type": "application/json" } }));
  assert.deepEqual([error.status, error.code, error.reason], [400, "INVALID_PAYLOAD", "malformed_json"]);
}));

test("a bad static token is INVALID_TOKEN and an expired access token used as one is TOKEN_EXPIRED", () => withServer({ accessTtl: "1s" }, async (server) => {
  const bad = await refusal(createClient(server.url, { staticToken: "tsk_not-a-real-token" }).request("/users/me"));
  assert.deepEqual([bad.status, bad.code], [401, "INVALID_TOKEN"]);
  const session = createClient(server.url, { autoRefresh: false });
  const auth = await session.login(server.email, server.password);
  await new Promise((resolve) => setTimeout(resolve, auth.expires_at - Date.now() + 250));
  // In static-token mode nothing is refreshed, so the expiry surfaces as it is.
  assert.ok(auth.access_token !== null, "json mode keeps the access token");
  const expired = await refusal(createClient(server.url, { staticToken: auth.access_token }).request("/users/me"));
  assert.deepEqual([expired.status, expired.code, expired.reason], [401, "TOKEN_EXPIRED", "expired"]);
}));

test("a route the user's role may not use is FORBIDDEN", () => withServer({}, async (server) => {
  const admin = createClient(server.url, { autoRefresh: false });
  await admin.login(server.email, server.password);
  await admin.request("/users", { json: { email: "grace@example.com", password: "another long password" } });
  const grace = createClient(server.url, { autoRefresh: false });
  await grace.login("grace@example.com", "another long password");
  const error = await refusal(grace.request("/users"));
  assert.deepEqual([error.status, error.code], [403, "FORBIDDEN"]);
}));

test("too many failed logins is REQUESTS_EXCEEDED with the Retry-After delay", () => withServer({}, async (server) => {
  const client = createClient(server.url, { autoRefresh: false });
  let error: ApiError | undefined;
  for (let attempt = 0; attempt < 20 && error?.code !== "REQUESTS_EXCEEDED"; attempt++) error = await refusal(client.login(server.email, "wrong"));
  assert.ok(error !== undefined);
  assert.deepEqual([error.status, error.code], [429, "REQUESTS_EXCEEDED"]);
  assert.ok(error.retryAfterMs !== null && error.retryAfterMs > 0);
}));

test("a refresh refused because the session ended elsewhere throws INVALID_CREDENTIALS and clears the storage", () => withServer({}, async (server) => {
  const storage = createMemoryStorage();
  const client: Client = createClient(server.url, { storage, autoRefresh: false });
  const auth = await client.login(server.email, server.password);
  assert.equal(await rawPost(server.url, "/auth/logout", { refresh_token: auth.refresh_token }), 204);
  const error = await refusal(client.refresh());
  assert.deepEqual([error.status, error.code, error.reason], [401, "INVALID_CREDENTIALS", "revoked"]);
  assert.equal(await storage.get(), null);
  await assert.rejects(client.refresh(), NotLoggedInError);
}));

test("a refresh without a session is NOT_LOGGED_IN, before anything is sent", async () => {
  let sent = 0;
  const client = createClient("http://127.0.0.1:9", { autoRefresh: false, fetch: () => Promise.reject(new Error(`sent ${++sent}`)) });
  const error = await client.refresh().catch((e: unknown) => e);
  assert.ok(error instanceof NotLoggedInError);
  assert.equal(error.code, "NOT_LOGGED_IN");
  assert.equal(sent, 0);
});

test("a server that is down is NETWORK_ERROR unreachable", () => withServer({}, async (server) => {
  const client = createClient(server.url, { autoRefresh: false });
  await server.stop();
  const error = await client.login(server.email, server.password).catch((e: unknown) => e);
  assert.ok(error instanceof NetworkError);
  assert.deepEqual([error.code, error.reason], ["NETWORK_ERROR", "unreachable"]);
}));
