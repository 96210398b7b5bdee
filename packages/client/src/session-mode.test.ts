// Which answers the client reads as which mode, and when a refusal leads to a
// refresh: against a scripted fetch, so that each answer is exactly what a
// server could send (tests/client has the same against the real server).
import assert from "node:assert/strict";
import { test } from "node:test";
import { authDataFromAnswer, modeOf, parseAuthData } from "./auth-data.ts";
import { ApiError } from "./client-errors.ts";
import { createClient } from "./create-client.ts";
import type { FetchLike } from "./http-exchange.ts";

const pair = { access_token: "access", refresh_token: "refresh", expires: 60_000 };

test("an answer is read by the mode it was asked in", () => {
  assert.deepEqual(authDataFromAnswer(pair, 1_000, "json"), { ...pair, expires_at: 61_000 });
  // A cookie-mode answer that carries a refresh token anyway: cookie mode keeps none.
  assert.deepEqual(authDataFromAnswer(pair, 1_000, "cookie"), { ...pair, refresh_token: null, expires_at: 61_000 });
  // Session mode keeps only the lifetime, even if a token came along.
  assert.deepEqual(authDataFromAnswer(pair, 1_000, "session"), { access_token: null, refresh_token: null, expires: 60_000, expires_at: 61_000 });
  assert.equal(authDataFromAnswer({ access_token: "access", expires: 60_000 }, 1_000, "json"), null, "json mode needs the refresh token");
  assert.equal(authDataFromAnswer({ expires: 60_000 }, 1_000, "cookie"), null, "cookie mode needs the access token");
  assert.equal(authDataFromAnswer({}, 1_000, "session"), null, "every mode needs the lifetime");
});

test("stored data tells its mode; Directus's session-mode entry, token keys left out, reads as session mode", () => {
  const at = { expires: 60_000, expires_at: 61_000 };
  assert.equal(modeOf({ ...pair, ...at }), "json");
  assert.equal(modeOf({ ...pair, refresh_token: null, ...at }), "cookie");
  const directus = parseAuthData(at);
  assert.deepEqual(directus, { access_token: null, refresh_token: null, ...at });
  assert.equal(modeOf(directus as NonNullable<typeof directus>), "session");
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const refusal = (status: number, code: string, reason: string) => json(status, { errors: [{ message: "refused", extensions: { code, reason } }] });

/** A server that logs in (in the mode asked), refreshes, and refuses every other request with 401 missing_token. */
function scriptedServer() {
  const sent: string[] = [];
  const fetch: FetchLike = async (input, init) => {
    const path = new URL(input).pathname;
    sent.push(`${init.method ?? "GET"} ${path}`);
    if (path === "/auth/login" || path === "/auth/refresh") {
      const mode = (JSON.parse(String(init.body)) as { mode: string }).mode;
      return json(200, { data: mode === "session" ? { expires: 60_000 } : { access_token: "access", expires: 60_000 } });
    }
    return refusal(401, "INVALID_CREDENTIALS", "missing_token");
  };
  return { fetch, sent };
}

test("a missing token leads to one refresh and one retry in session mode only", async () => {
  for (const mode of ["cookie", "session"] as const) {
    const server = scriptedServer();
    const client = createClient("https://auth.example.com", { mode, fetch: server.fetch, autoRefresh: false });
    await client.login("ada@example.com", "pw");
    const error = await client.request("/users/me").catch((e: unknown) => e);
    assert.ok(error instanceof ApiError && error.reason === "missing_token", mode);
    const expected = mode === "session" ? ["POST /auth/login", "GET /users/me", "POST /auth/refresh", "GET /users/me"] : ["POST /auth/login", "GET /users/me"];
    assert.deepEqual(server.sent, expected, mode);
  }
});

test("with nothing stored, a refresh that fails for another reason than a missing session is what the caller sees", async () => {
  for (const [answer, expected] of [
    [() => refusal(503, "SERVICE_UNAVAILABLE", "store_unavailable"), "store_unavailable"],
    [() => refusal(400, "INVALID_PAYLOAD", "missing_token"), "missing_token"],
  ] as const) {
    const fetch: FetchLike = async (input) =>
      new URL(input).pathname === "/auth/refresh" ? answer() : refusal(401, "INVALID_CREDENTIALS", "missing_token");
    const client = createClient("https://auth.example.com", { mode: "session", fetch, autoRefresh: false });
    const error = await client.request("/users/me").catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.reason, expected);
    // The outage surfaces as itself; a refresh that found no cookie surfaces as the request's own 401.
    assert.equal(error.status, expected === "missing_token" ? 401 : 503);
  }
});
