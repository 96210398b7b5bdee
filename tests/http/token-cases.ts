import assert from "node:assert/strict";
import { test } from "node:test";
import { type StartServer, withServer } from "./fixture.ts";

/** Bearer tokens on /users/me and the session and static-token routes. */
export function registerTokenCases(runtime: string, start: StartServer): void {
  const it = (name: string, body: Parameters<typeof withServer>[2], options = {}) => test(`[${runtime}] ${name}`, () => withServer(start, options, body));

  it("GET /users/me returns the user without the password hash", async (f) => {
    const pair = await f.login();
    const answer = await f.call("GET", "/users/me", { token: pair.access_token });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.data.id, f.adaId);
    assert.equal(answer.json.data.email, "ada@example.com");
    assert.equal(answer.json.data.role, "user");
    assert.equal("passwordHash" in answer.json.data, false);
    assert.doesNotMatch(answer.text, /sha256|argon/);
  });

  it("the access token is accepted as ?access_token=", async (f) => {
    const pair = await f.login();
    const answer = await f.call("GET", `/users/me?access_token=${pair.access_token}`);
    assert.equal(answer.status, 200);
  });

  it("a token in both the header and the query gets 400 INVALID_PAYLOAD", async (f) => {
    const pair = await f.login();
    const answer = await f.call("GET", `/users/me?access_token=${pair.access_token}`, { token: pair.access_token });
    assert.equal(answer.status, 400);
    assert.equal(answer.json.errors[0].extensions.code, "INVALID_PAYLOAD");
  });

  it("a token in both the header and the session cookie gets 400 INVALID_PAYLOAD", async (f) => {
    const pair = await f.login();
    const answer = await f.call("GET", "/users/me", { token: pair.access_token, headers: { cookie: `tessera_session_token=${pair.access_token}` } });
    assert.equal(answer.status, 400);
  });

  it("no token gets 401 with a message saying how to send one", async (f) => {
    const answer = await f.call("GET", "/users/me");
    assert.equal(answer.status, 401);
    assert.match(answer.json.errors[0].message, /Authorization: Bearer/);
    assert.ok(answer.headers.get("www-authenticate")?.startsWith("Bearer"));
  });

  it("an Authorization header that is not Bearer gets 401 INVALID_TOKEN", async (f) => {
    const answer = await f.call("GET", "/users/me", { headers: { authorization: "Basic YWRhOnB3" } });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.errors[0].extensions.code, "INVALID_TOKEN");
  });

  it("a tampered access token gets 401 INVALID_TOKEN, not 403", async (f) => {
    const pair = await f.login();
    const [header, payload, signature] = pair.access_token.split(".") as [string, string, string];
    const flipped = signature.slice(0, 10) + (signature[10] === "A" ? "B" : "A") + signature.slice(11);
    for (const token of [`${header}.${payload}.${flipped}`, "junk", `${header}.${payload}`]) {
      const answer = await f.call("GET", "/users/me", { token });
      assert.equal(answer.status, 401, token.slice(0, 12));
      assert.equal(answer.json.errors[0].extensions.code, "INVALID_TOKEN");
    }
  });

  it("an expired access token gets 401 TOKEN_EXPIRED", async (f) => {
    const pair = await f.login();
    f.kit.clock.advance(60_000);
    const answer = await f.call("GET", "/users/me", { token: pair.access_token });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.json.errors[0].extensions, { code: "TOKEN_EXPIRED", reason: "expired" });
  });

  it("POST /users/me/token returns a static token once; a new one replaces it", async (f) => {
    const pair = await f.login();
    const first = await f.call("POST", "/users/me/token", { token: pair.access_token });
    assert.equal(first.status, 200);
    assert.match(first.json.data.token, /^tsk_[0-9A-Za-z]{38}$/);
    assert.equal(first.headers.get("cache-control"), "no-store");
    assert.equal((await f.call("GET", "/users/me", { token: first.json.data.token })).json.data.id, f.adaId);
    const second = await f.call("POST", "/users/me/token", { token: first.json.data.token });
    assert.equal(second.status, 200);
    assert.equal((await f.call("GET", "/users/me", { token: first.json.data.token })).status, 401);
    assert.equal((await f.call("GET", "/users/me", { token: second.json.data.token })).status, 200);
  });

  it("DELETE /users/me/token revokes the static token", async (f) => {
    const pair = await f.login();
    const created = await f.call("POST", "/users/me/token", { token: pair.access_token });
    assert.equal((await f.call("DELETE", "/users/me/token", { token: pair.access_token })).status, 204);
    const answer = await f.call("GET", "/users/me", { token: created.json.data.token });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.errors[0].extensions.code, "INVALID_TOKEN");
  });

  it("a mistyped static token is refused by its checksum", async (f) => {
    const pair = await f.login();
    const token: string = (await f.call("POST", "/users/me/token", { token: pair.access_token })).json.data.token;
    const typo = token.slice(0, 8) + (token[8] === "a" ? "b" : "a") + token.slice(9);
    const answer = await f.call("GET", "/users/me", { token: typo });
    assert.deepEqual(answer.json.errors[0].extensions, { code: "INVALID_TOKEN", reason: "bad_checksum" });
  });

  it("GET /auth/sessions lists live sessions with the client address, the current one marked", async (f) => {
    await f.login();
    const pair = await f.login();
    const answer = await f.call("GET", "/auth/sessions", { token: pair.access_token, headers: { "user-agent": "conformance" } });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.data.length, 2);
    assert.equal(answer.json.data.filter((s: { current: boolean }) => s.current).length, 1);
    for (const session of answer.json.data) assert.match(String(session.ip), /127\.0\.0\.1$/);
  });

  it("DELETE /auth/sessions/:id ends that session; an unknown id gets 404", async (f) => {
    const other = await f.login();
    const pair = await f.login();
    const sessions = (await f.call("GET", "/auth/sessions", { token: pair.access_token })).json.data;
    const target = sessions.find((s: { current: boolean }) => !s.current);
    assert.equal((await f.call("DELETE", `/auth/sessions/${target.id}`, { token: pair.access_token })).status, 204);
    assert.equal((await f.call("GET", "/users/me", { token: other.access_token })).status, 401);
    const missing = await f.call("DELETE", "/auth/sessions/nope", { token: pair.access_token });
    assert.equal(missing.status, 404);
    assert.equal(missing.json.errors[0].extensions.code, "NOT_FOUND");
  });

  it("PATCH /users/me with a new password ends the other sessions and keeps the current one", async (f) => {
    const other = await f.login();
    const pair = await f.login();
    const answer = await f.call("PATCH", "/users/me", { token: pair.access_token, body: { password: "new-password" } });
    assert.equal(answer.status, 200);
    assert.equal((await f.call("GET", "/users/me", { token: pair.access_token })).status, 200);
    assert.equal((await f.call("GET", "/users/me", { token: other.access_token })).status, 401);
    assert.equal((await f.call("PATCH", "/users/me", { token: pair.access_token, body: { role: "admin" } })).status, 400);
  });
}
