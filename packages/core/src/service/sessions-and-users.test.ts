import assert from "node:assert/strict";
import { test } from "node:test";
import { createScenario } from "../testing/index.ts";

test("a user's live sessions are listed newest first with the client that opened them, and never a token", async () => {
  const s = await createScenario();
  const first = await s.loginOrThrow();
  s.clock.advance(1000);
  const second = await s.loginOrThrow();
  await s.tessera.logout(first.refreshToken);
  s.clock.advance(1000);
  const third = await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "198.51.100.4", userAgent: "curl/8" });
  assert.ok(third.ok);
  const listed = await s.tessera.listSessions(s.user.id);
  assert.ok(listed.ok);
  const sessions = listed.value;
  assert.deepEqual(sessions.map((x) => x.id), [third.value.sessionId, second.sessionId]);
  assert.equal(sessions[0]?.userAgent, "curl/8");
  assert.equal(sessions[0]?.ip, "198.51.100.4");
  assert.ok(!JSON.stringify(sessions).includes(second.refreshToken));
});

test("a user can end one of their own sessions but not someone else's", async () => {
  const s = await createScenario();
  const mine = await s.loginOrThrow();
  assert.ok((await s.tessera.createUser({ email: "eve@example.com", password: "pw12345" })).ok);
  const eve = await s.tessera.login({ email: "eve@example.com", password: "pw12345" });
  assert.ok(eve.ok);
  const denied = await s.tessera.revokeSession(eve.value.userId, mine.sessionId);
  assert.ok(!denied.ok && denied.code === "NOT_FOUND");
  assert.ok((await s.tessera.authenticate(mine.accessToken)).ok);
  assert.ok((await s.tessera.revokeSession(s.user.id, mine.sessionId)).ok);
  assert.ok(!(await s.tessera.authenticate(mine.accessToken)).ok);
  const again = await s.tessera.revokeSession(s.user.id, mine.sessionId);
  assert.ok(!again.ok && again.code === "NOT_FOUND");
});

test("an admin can end all sessions of a user", async () => {
  const s = await createScenario();
  const a = await s.loginOrThrow();
  await s.loginOrThrow();
  assert.deepEqual(await s.tessera.revokeAllSessions(s.user.id), { ok: true, value: { revoked: 2 } });
  assert.ok(!(await s.tessera.authenticate(a.accessToken)).ok);
  assert.deepEqual(await s.tessera.listSessions(s.user.id), { ok: true, value: [] });
});

test("listing the sessions of an unknown user is NOT_FOUND, not an empty list", async () => {
  const s = await createScenario();
  const listed = await s.tessera.listSessions("no-such-user");
  assert.ok(!listed.ok);
  assert.equal(listed.code, "NOT_FOUND");
});

test("ending all sessions of an unknown user is NOT_FOUND, and emits nothing", async () => {
  const s = await createScenario();
  const before = s.events.length;
  const outcome = await s.tessera.revokeAllSessions("missing");
  assert.deepEqual([outcome.ok, !outcome.ok && outcome.code, !outcome.ok && outcome.reason], [false, "NOT_FOUND", "not_found"]);
  assert.equal(s.events.length, before);
});

test("revoking the static token of an unknown user is NOT_FOUND; of a known user without one, it succeeds", async () => {
  const s = await createScenario();
  const unknown = await s.tessera.revokeStaticToken("missing");
  assert.deepEqual([unknown.ok, !unknown.ok && unknown.code, !unknown.ok && unknown.reason], [false, "NOT_FOUND", "not_found"]);
  assert.deepEqual(await s.tessera.revokeStaticToken(s.user.id), { ok: true, value: { revoked: false } });
});

test("users are created with a hashed password, listed and fetched without it", async () => {
  const s = await createScenario();
  const listed = await s.tessera.listUsers();
  assert.deepEqual(listed.map((u) => u.email), ["ada@example.com"]);
  assert.ok(!("passwordHash" in listed[0]!));
  const stored = await s.users.findUserById(s.user.id);
  assert.ok(stored !== null && stored.passwordHash !== s.password && !stored.passwordHash.includes(s.password));
  assert.deepEqual(await s.tessera.getUser(s.user.id), s.user);
  assert.equal(await s.tessera.getUser("missing"), null);
});

test("bad user input is refused with a message naming the field", async () => {
  const s = await createScenario();
  const cases = [
    [{ email: "x", password: "pw" }, "email"],
    [{ email: "a@example.com", password: "" }, "password"],
    [{ email: "a@example.com", password: "pw", role: "admin; drop" }, "role"],
    [{ email: "a@example.com", password: "pw", status: "banned" }, "status"],
    [{ email: 42, password: "pw" }, "email"],
  ] as const;
  for (const [input, field] of cases) {
    const outcome = await s.tessera.createUser(input as never);
    assert.ok(!outcome.ok && outcome.code === "INVALID_PAYLOAD" && outcome.message.includes(field), `${JSON.stringify(input)}: ${!outcome.ok && outcome.message}`);
  }
  const missing = await s.tessera.updateUser("missing", { role: "admin" });
  assert.ok(!missing.ok && missing.code === "NOT_FOUND");
});

test("a static token cannot be generated for a missing or suspended user", async () => {
  const s = await createScenario();
  const missing = await s.tessera.generateStaticToken("missing");
  assert.ok(!missing.ok && missing.code === "NOT_FOUND");
  await s.tessera.updateUser(s.user.id, { status: "suspended" });
  const suspended = await s.tessera.generateStaticToken(s.user.id);
  assert.ok(!suspended.ok && suspended.code === "FORBIDDEN");
});
