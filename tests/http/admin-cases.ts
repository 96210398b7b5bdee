import assert from "node:assert/strict";
import { test } from "node:test";
import { type StartServer, withServer } from "./fixture.ts";

/** The admin routes: users, their static tokens and sessions. */
export function registerAdminCases(runtime: string, start: StartServer): void {
  const it = (name: string, body: Parameters<typeof withServer>[2]) => test(`[${runtime}] ${name}`, () => withServer(start, {}, body));

  it("a user without the admin role gets 403 FORBIDDEN on every admin route", async (f) => {
    const pair = await f.login();
    const calls: [string, string][] = [["GET", "/users"], ["POST", "/users"], ["PATCH", `/users/${f.adminId}`], ["DELETE", `/users/${f.adminId}`], ["POST", `/users/${f.adminId}/token`], ["DELETE", `/users/${f.adminId}/sessions`]];
    for (const [method, path] of calls) {
      const answer = await f.call(method, path, { token: pair.access_token, ...(method === "GET" ? {} : { body: {} }) });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.equal(answer.json.errors[0].extensions.code, "FORBIDDEN");
    }
  });

  it("an admin creates, lists, reads and deletes users", async (f) => {
    const admin = await f.login("admin@example.com", "admin-password");
    const created = await f.call("POST", "/users", { token: admin.access_token, body: { email: "Grace@Example.com", password: "grace-password", role: "editor" } });
    assert.equal(created.status, 200);
    assert.equal(created.json.data.email, "grace@example.com");
    assert.equal(created.json.data.status, "active");
    const list = await f.call("GET", "/users", { token: admin.access_token });
    assert.deepEqual(list.json.data.map((u: { email: string }) => u.email), ["ada@example.com", "admin@example.com", "grace@example.com"]);
    assert.equal((await f.call("GET", `/users/${created.json.data.id}`, { token: admin.access_token })).json.data.role, "editor");
    assert.equal((await f.login("grace@example.com", "grace-password")).expires, 60_000);
    assert.equal((await f.call("DELETE", `/users/${created.json.data.id}`, { token: admin.access_token })).status, 204);
    assert.equal((await f.call("GET", `/users/${created.json.data.id}`, { token: admin.access_token })).status, 404);
  });

  it("creating a user with a bad email, a taken email or an unknown member gets 400 INVALID_PAYLOAD", async (f) => {
    const admin = await f.login("admin@example.com", "admin-password");
    const bodies = [{ email: "not-an-email", password: "pw" }, { email: "ada@example.com", password: "pw" }, { email: "x@example.com", password: "pw", admin: true }, { email: "x@example.com" }];
    for (const body of bodies) {
      const answer = await f.call("POST", "/users", { token: admin.access_token, body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.json.errors[0].extensions.code, "INVALID_PAYLOAD");
    }
  });

  it("suspending a user through PATCH /users/:id ends its sessions and static token", async (f) => {
    const admin = await f.login("admin@example.com", "admin-password");
    const ada = await f.login();
    const staticToken = (await f.call("POST", "/users/me/token", { token: ada.access_token })).json.data.token;
    const answer = await f.call("PATCH", `/users/${f.adaId}`, { token: admin.access_token, body: { status: "suspended" } });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.data.status, "suspended");
    assert.equal((await f.call("GET", "/users/me", { token: ada.access_token })).status, 401);
    assert.equal((await f.call("GET", "/users/me", { token: staticToken })).status, 401);
    assert.equal((await f.call("POST", "/auth/refresh", { body: { refresh_token: ada.refresh_token } })).status, 401);
    const bad = await f.call("PATCH", `/users/${f.adaId}`, { token: admin.access_token, body: { status: "gone" } });
    assert.equal(bad.status, 400);
  });

  it("an admin issues and revokes a user's static token and ends its sessions", async (f) => {
    const admin = await f.login("admin@example.com", "admin-password");
    const ada = await f.login();
    const issued = await f.call("POST", `/users/${f.adaId}/token`, { token: admin.access_token });
    assert.equal(issued.status, 200);
    assert.equal((await f.call("GET", "/users/me", { token: issued.json.data.token })).json.data.id, f.adaId);
    assert.equal((await f.call("DELETE", `/users/${f.adaId}/token`, { token: admin.access_token })).status, 204);
    assert.equal((await f.call("GET", "/users/me", { token: issued.json.data.token })).status, 401);
    const sessions = await f.call("GET", `/users/${f.adaId}/sessions`, { token: admin.access_token });
    assert.equal(sessions.json.data.length, 1);
    assert.equal((await f.call("DELETE", `/users/${f.adaId}/sessions`, { token: admin.access_token })).status, 204);
    assert.equal((await f.call("GET", "/users/me", { token: ada.access_token })).status, 401);
  });

  it("admin routes on an unknown user id get 404 NOT_FOUND", async (f) => {
    const admin = await f.login("admin@example.com", "admin-password");
    for (const [method, path] of [["PATCH", "/users/nobody"], ["DELETE", "/users/nobody"], ["POST", "/users/nobody/token"], ["DELETE", "/users/nobody/sessions"]] as const) {
      const answer = await f.call(method, path, { token: admin.access_token, body: { role: "x" } });
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.equal(answer.json.errors[0].extensions.code, "NOT_FOUND");
    }
  });
}
