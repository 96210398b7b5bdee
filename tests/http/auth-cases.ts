import assert from "node:assert/strict";
import { test } from "node:test";
import { findCookie, type StartServer, withServer } from "./fixture.ts";

/** Login, refresh and logout in every mode, over a real socket. */
export function registerAuthCases(runtime: string, start: StartServer): void {
  const it = (name: string, body: Parameters<typeof withServer>[2], options = {}) => test(`[${runtime}] ${name}`, () => withServer(start, options, body));

  it("login defaults to json mode and returns access_token, refresh_token and expires in ms", async (f) => {
    const answer = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password" } });
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.json.data).sort(), ["access_token", "expires", "refresh_token"]);
    assert.equal(answer.json.data.expires, 60_000);
    assert.equal(answer.headers.get("cache-control"), "no-store");
    assert.equal(answer.cookies.length, 0);
  });

  it("login in cookie mode sets the refresh token as an HttpOnly Secure SameSite=Lax cookie on /auth, not in the body", async (f) => {
    const answer = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode: "cookie" } });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.data.refresh_token, undefined);
    assert.equal(typeof answer.json.data.access_token, "string");
    const cookie = findCookie(answer, "tessera_refresh_token");
    assert.ok(cookie, "refresh cookie set");
    assert.ok((cookie.get("tessera_refresh_token") ?? "").length > 20);
    assert.equal(cookie.get("path"), "/auth");
    assert.ok(cookie.has("httponly") && cookie.has("secure"));
    assert.equal(cookie.get("samesite"), "Lax");
    assert.equal(cookie.get("max-age"), "3600");
  });

  it("login in session mode keeps both tokens in HttpOnly cookies and only expires in the body", async (f) => {
    const answer = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode: "session" } });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json.data, { expires: 60_000 });
    const session = findCookie(answer, "tessera_session_token");
    assert.ok(session && findCookie(answer, "tessera_refresh_token"));
    assert.equal(session.get("path"), "/");
    assert.equal(session.get("max-age"), "60");
    assert.ok(session.has("httponly"));
    const me = await f.call("GET", "/users/me", { headers: { cookie: `tessera_session_token=${session.get("tessera_session_token")}` } });
    assert.equal(me.status, 200);
    assert.equal(me.json.data.email, "ada@example.com");
  });

  it("a login or refresh in json or cookie mode clears a session cookie left from a session-mode login", async (f) => {
    const session = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode: "session" } });
    const value = findCookie(session, "tessera_session_token")?.get("tessera_session_token");
    assert.ok(value, "the session-mode login set the session cookie");
    const stale = `tessera_session_token=${value}`;
    for (const mode of ["json", "cookie"]) {
      const login = await f.call("POST", "/auth/login", { headers: { cookie: stale }, body: { email: "ada@example.com", password: "ada-password", mode } });
      assert.equal(login.status, 200);
      assert.equal(findCookie(login, "tessera_session_token")?.get("max-age"), "0", `${mode} login clears it`);
      if (mode === "cookie") assert.ok(findCookie(login, "tessera_refresh_token")?.get("tessera_refresh_token"), "and still sets the refresh cookie");
      // Without the stale cookie nothing about the session cookie is said.
      const clean = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode } });
      assert.equal(findCookie(clean, "tessera_session_token"), undefined);
    }
    const pair = await f.login();
    const refresh = await f.call("POST", "/auth/refresh", { headers: { cookie: stale }, body: { refresh_token: pair.refresh_token, mode: "json" } });
    assert.equal(refresh.status, 200);
    assert.equal(findCookie(refresh, "tessera_session_token")?.get("max-age"), "0", "json refresh clears it");
    const cookieLogin = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode: "cookie" } });
    const refreshCookie = `tessera_refresh_token=${findCookie(cookieLogin, "tessera_refresh_token")?.get("tessera_refresh_token")}`;
    const cookieRefresh = await f.call("POST", "/auth/refresh", { headers: { cookie: `${refreshCookie}; ${stale}` }, body: { mode: "cookie" } });
    assert.equal(cookieRefresh.status, 200);
    assert.equal(findCookie(cookieRefresh, "tessera_session_token")?.get("max-age"), "0", "cookie refresh clears it");
  });

  it("a wrong password and an unknown email get the same 401 INVALID_CREDENTIALS", async (f) => {
    const wrong = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "nope" } });
    const unknown = await f.call("POST", "/auth/login", { body: { email: "nobody@example.com", password: "nope" } });
    for (const answer of [wrong, unknown]) {
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.json.errors[0].extensions, { code: "INVALID_CREDENTIALS", reason: "wrong_credentials" });
    }
    assert.equal(wrong.json.errors[0].message, unknown.json.errors[0].message);
  });

  it("a suspended user cannot log in", async (f) => {
    await f.tessera.updateUser(f.adaId, { status: "suspended" });
    const answer = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password" } });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.json.errors[0].extensions, { code: "INVALID_CREDENTIALS", reason: "user_suspended" });
  });

  it("login, refresh and logout ignore a stale or junk Authorization header", async (f) => {
    const stale = { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.junk" };
    const login = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password" }, headers: stale });
    assert.equal(login.status, 200);
    const refresh = await f.call("POST", "/auth/refresh", { body: { refresh_token: login.json.data.refresh_token }, headers: { authorization: "Basic junk" } });
    assert.equal(refresh.status, 200);
    const logout = await f.call("POST", "/auth/logout", { body: { refresh_token: refresh.json.data.refresh_token }, headers: stale });
    assert.equal(logout.status, 204);
  });

  it("login without a password gets 400 INVALID_PAYLOAD naming the field", async (f) => {
    const answer = await f.call("POST", "/auth/login", { body: { email: "ada@example.com" } });
    assert.equal(answer.status, 400);
    assert.equal(answer.json.errors[0].extensions.code, "INVALID_PAYLOAD");
    assert.match(answer.json.errors[0].message, /password/);
  });

  it("an unknown mode gets 400 INVALID_PAYLOAD listing the modes", async (f) => {
    const answer = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode: "jwt" } });
    assert.equal(answer.status, 400);
    assert.match(answer.json.errors[0].message, /json, cookie, session/);
  });

  it("repeated failed logins from one address get 429 REQUESTS_EXCEEDED with Retry-After in seconds", async (f) => {
    for (let i = 0; i < 3; i++) assert.equal((await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "x" } })).status, 401);
    const answer = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password" } });
    assert.equal(answer.status, 429);
    assert.equal(answer.json.errors[0].extensions.code, "REQUESTS_EXCEEDED");
    const retryAfter = Number(answer.headers.get("retry-after"));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
  });

  it("refresh in json mode returns a new pair; a retry within the grace gets the same successor", async (f) => {
    const pair = await f.login();
    const first = await f.call("POST", "/auth/refresh", { body: { refresh_token: pair.refresh_token } });
    assert.equal(first.status, 200);
    assert.notEqual(first.json.data.refresh_token, pair.refresh_token);
    assert.equal(first.json.data.expires, 60_000);
    f.kit.clock.advance(5_000);
    const retry = await f.call("POST", "/auth/refresh", { body: { refresh_token: pair.refresh_token } });
    assert.equal(retry.status, 200);
    assert.equal(retry.json.data.refresh_token, first.json.data.refresh_token);
  });

  it("reusing a rotated refresh token after the grace gets 401 reused and ends the session", async (f) => {
    const pair = await f.login();
    const next = await f.call("POST", "/auth/refresh", { body: { refresh_token: pair.refresh_token } });
    f.kit.clock.advance(11_000);
    const reuse = await f.call("POST", "/auth/refresh", { body: { refresh_token: pair.refresh_token } });
    assert.equal(reuse.status, 401);
    assert.deepEqual(reuse.json.errors[0].extensions, { code: "INVALID_CREDENTIALS", reason: "reused" });
    const successor = await f.call("POST", "/auth/refresh", { body: { refresh_token: next.json.data.refresh_token } });
    assert.equal(successor.status, 401);
    assert.equal((await f.call("GET", "/users/me", { token: next.json.data.access_token })).status, 401);
  });

  it("refresh without refresh_token in the body reads the cookie and answers in cookie mode", async (f) => {
    const login = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode: "cookie" } });
    const cookie = findCookie(login, "tessera_refresh_token")?.get("tessera_refresh_token");
    const answer = await f.call("POST", "/auth/refresh", { headers: { cookie: `other=1; tessera_refresh_token=${cookie}` } });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.data.refresh_token, undefined);
    const next = findCookie(answer, "tessera_refresh_token")?.get("tessera_refresh_token");
    assert.ok(next && next !== cookie);
  });

  it("refresh with no token in the body or a cookie gets 400 INVALID_PAYLOAD", async (f) => {
    const answer = await f.call("POST", "/auth/refresh");
    assert.equal(answer.status, 400);
    assert.equal(answer.json.errors[0].extensions.code, "INVALID_PAYLOAD");
    assert.match(answer.json.errors[0].message, /refresh token is required/);
  });

  it("an unknown refresh token gets 401 INVALID_CREDENTIALS with reason unknown", async (f) => {
    const answer = await f.call("POST", "/auth/refresh", { body: { refresh_token: "A".repeat(43) } });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.json.errors[0].extensions, { code: "INVALID_CREDENTIALS", reason: "unknown" });
  });

  it("an expired refresh token gets 401 INVALID_CREDENTIALS with reason expired", async (f) => {
    const pair = await f.login();
    f.kit.clock.advance(3_600_000);
    const answer = await f.call("POST", "/auth/refresh", { body: { refresh_token: pair.refresh_token } });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.json.errors[0].extensions, { code: "INVALID_CREDENTIALS", reason: "expired" });
  });

  it("logout answers 204, ends the session and is idempotent", async (f) => {
    const pair = await f.login();
    const first = await f.call("POST", "/auth/logout", { body: { refresh_token: pair.refresh_token } });
    assert.equal(first.status, 204);
    assert.equal(first.text, "");
    assert.equal((await f.call("GET", "/users/me", { token: pair.access_token })).status, 401);
    assert.equal((await f.call("POST", "/auth/refresh", { body: { refresh_token: pair.refresh_token } })).status, 401);
    assert.equal((await f.call("POST", "/auth/logout", { body: { refresh_token: pair.refresh_token } })).status, 204);
  });

  it("logout with scope all ends every session of the user", async (f) => {
    const one = await f.login();
    const two = await f.login();
    assert.equal((await f.call("POST", "/auth/logout", { body: { refresh_token: one.refresh_token, scope: "all" } })).status, 204);
    assert.equal((await f.call("GET", "/users/me", { token: two.access_token })).status, 401);
  });

  it("logout in cookie mode clears both cookies", async (f) => {
    const login = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode: "session" } });
    const refresh = findCookie(login, "tessera_refresh_token")?.get("tessera_refresh_token");
    const answer = await f.call("POST", "/auth/logout", { headers: { cookie: `tessera_refresh_token=${refresh}` } });
    assert.equal(answer.status, 204);
    for (const name of ["tessera_refresh_token", "tessera_session_token"]) {
      const cleared = findCookie(answer, name);
      assert.ok(cleared, `${name} cleared`);
      assert.equal(cleared.get(name), "");
      assert.equal(cleared.get("max-age"), "0");
    }
    assert.equal(findCookie(answer, "tessera_refresh_token")?.get("path"), "/auth");
  });

  it("logout in cookie mode clears both cookies even for a token the server does not know; in JSON mode it sets none", async (f) => {
    const unknown = await f.call("POST", "/auth/logout", { headers: { cookie: `tessera_refresh_token=${"B".repeat(43)}` } });
    assert.equal(unknown.status, 204);
    for (const name of ["tessera_refresh_token", "tessera_session_token"]) assert.equal(findCookie(unknown, name)?.get("max-age"), "0", `${name} cleared`);
    const pair = await f.login();
    const json = await f.call("POST", "/auth/logout", { body: { refresh_token: pair.refresh_token } });
    assert.equal(json.status, 204);
    assert.equal(findCookie(json, "tessera_refresh_token"), undefined);
    assert.equal(findCookie(json, "tessera_session_token"), undefined);
  });

  it("logout with a refresh token the server does not know gets 204, as in Directus, and ends nothing else", async (f) => {
    const pair = await f.login();
    for (const refresh_token of ["B".repeat(43), "not-a-token", pair.refresh_token.slice(0, -1) + (pair.refresh_token.endsWith("A") ? "B" : "A")]) {
      const answer = await f.call("POST", "/auth/logout", { body: { refresh_token } });
      assert.equal(answer.status, 204, refresh_token);
      assert.equal(answer.text, "");
    }
    assert.equal((await f.call("GET", "/users/me", { token: pair.access_token })).status, 200);
    assert.equal((await f.call("POST", "/auth/refresh", { body: { refresh_token: pair.refresh_token } })).status, 200);
  });

  it("the Secure attribute and the cookie names can be configured", async (f) => {
    const answer = await f.call("POST", "/auth/login", { body: { email: "ada@example.com", password: "ada-password", mode: "cookie" } });
    const cookie = findCookie(answer, "rt");
    assert.ok(cookie);
    assert.equal(cookie.has("secure"), false);
  }, { handler: { refreshCookie: { name: "rt", secure: false } } });
}
