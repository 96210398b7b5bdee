// One named example per rotation rule of DESIGN.md (the property tests in
// tests/model check the same rules over random command sequences).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createScenario } from "../testing/index.ts";

const policy = { accessTokenTtl: "15m", refreshTokenTtl: "7d", reuseGrace: "10s" } as const;

test("rule 1: a refresh token is accepted once and returns a new pair in the same session", async () => {
  const s = await createScenario({ policy });
  const first = await s.loginOrThrow();
  const second = await s.tessera.refresh(first.refreshToken);
  assert.ok(second.ok);
  assert.notEqual(second.value.refreshToken, first.refreshToken);
  assert.equal(second.value.sessionId, first.sessionId);
  const rotated = s.store.snapshot().refreshTokens.filter((t) => t.state === "rotated");
  assert.equal(rotated.length, 1);
  assert.ok(rotated[0]!.successorHash !== null && rotated[0]!.rotationNonce !== null);
  assert.ok((await s.tessera.authenticate(second.value.accessToken)).ok);
});

test("rule 2: retrying a rotated token within the grace window returns the same successor and a fresh access token", async () => {
  const s = await createScenario({ policy });
  const first = await s.loginOrThrow();
  const rotated = await s.tessera.refresh(first.refreshToken);
  s.clock.advance(9_999);
  const retried = await s.tessera.refresh(first.refreshToken);
  assert.ok(rotated.ok && retried.ok);
  assert.equal(retried.value.refreshToken, rotated.value.refreshToken);
  assert.notEqual(retried.value.accessToken, rotated.value.accessToken);
  assert.equal(s.events.at(-1)?.type, "refresh_retried");
  const next = await s.tessera.refresh(retried.value.refreshToken);
  assert.ok(next.ok, "the handed-back successor is the live token of the session");
});

test("rule 2: the store never holds a usable refresh token, only hashes and the rotation nonce", async () => {
  const s = await createScenario({ policy });
  const first = await s.loginOrThrow();
  const rotated = await s.tessera.refresh(first.refreshToken);
  assert.ok(rotated.ok);
  const dump = JSON.stringify(s.store.snapshot());
  assert.ok(!dump.includes(first.refreshToken));
  assert.ok(!dump.includes(rotated.value.refreshToken));
});

test("rule 3: reusing a rotated refresh token after the grace window revokes its session", async () => {
  const s = await createScenario({ policy });
  const first = await s.loginOrThrow();
  const rotated = await s.tessera.refresh(first.refreshToken);
  assert.ok(rotated.ok);
  s.clock.advance(10_000);
  const reused = await s.tessera.refresh(first.refreshToken);
  assert.deepEqual([reused.ok, !reused.ok && reused.code, !reused.ok && reused.reason], [false, "INVALID_CREDENTIALS", "reused"]);
  assert.ok(s.events.some((e) => e.type === "refresh_token_reused" && e.sessionId === first.sessionId));
  const successor = await s.tessera.refresh(rotated.value.refreshToken);
  assert.ok(!successor.ok && successor.reason === "revoked", "the successor dies with the session");
  const access = await s.tessera.authenticate(rotated.value.accessToken);
  assert.ok(!access.ok && access.code === "INVALID_TOKEN" && access.reason === "revoked");
});

test("rule 3: reusing a rotated token whose successor was already used revokes the session, even within the grace window", async () => {
  const s = await createScenario({ policy });
  const first = await s.loginOrThrow();
  const second = await s.tessera.refresh(first.refreshToken);
  assert.ok(second.ok);
  assert.ok((await s.tessera.refresh(second.value.refreshToken)).ok);
  const reused = await s.tessera.refresh(first.refreshToken);
  assert.ok(!reused.ok && reused.reason === "reused");
  assert.notEqual((await s.store.findSession(first.sessionId))?.revokedAt, null);
});

test("rule 4: a refresh token is rejected at its expiresAt and accepted one millisecond before", async () => {
  const s = await createScenario({ policy: { ...policy, refreshTokenTtl: "1h" } });
  const first = await s.loginOrThrow();
  s.clock.advance(3_600_000 - 1);
  const justInTime = await s.tessera.refresh(first.refreshToken);
  assert.ok(justInTime.ok);
  s.clock.advance(3_600_000);
  const late = await s.tessera.refresh(justInTime.value.refreshToken);
  assert.ok(!late.ok && late.code === "INVALID_CREDENTIALS" && late.reason === "expired");
});

test("rule 3 over rule 4: a rotated token presented after its own expiry is still reuse and revokes the session", async () => {
  const s = await createScenario({ policy: { ...policy, refreshTokenTtl: "1h" } });
  const first = await s.loginOrThrow();
  const second = await s.tessera.refresh(first.refreshToken);
  assert.ok(second.ok);
  s.clock.advance(3_600_000);
  const late = await s.tessera.refresh(first.refreshToken);
  assert.ok(!late.ok && late.reason === "reused");
  assert.notEqual((await s.store.findSession(first.sessionId))?.revokedAt, null);
});

test("rule 4: each rotation gives the new token a full refresh TTL", async () => {
  const s = await createScenario({ policy: { ...policy, refreshTokenTtl: "1h" } });
  let pair = await s.loginOrThrow();
  for (let i = 0; i < 5; i++) {
    s.clock.advance(50 * 60_000);
    const next = await s.tessera.refresh(pair.refreshToken);
    assert.ok(next.ok, `rotation ${i} within a fresh TTL`);
    assert.equal(next.value.refreshExpiresAt, s.clock.now() + 3_600_000);
    pair = next.value;
  }
});

test("rule 4: sessionMaxAge caps a session's total life however often it rotates", async () => {
  const s = await createScenario({ policy: { ...policy, refreshTokenTtl: "1h", sessionMaxAge: "2h" } });
  let pair = await s.loginOrThrow();
  s.clock.advance(50 * 60_000);
  const a = await s.tessera.refresh(pair.refreshToken);
  assert.ok(a.ok);
  s.clock.advance(50 * 60_000);
  const b = await s.tessera.refresh(a.value.refreshToken);
  assert.ok(b.ok);
  assert.equal(b.value.refreshExpiresAt, pair.refreshExpiresAt - 3_600_000 + 2 * 3_600_000, "capped at login + 2h");
  pair = b.value;
  s.clock.advance(20 * 60_000);
  const capped = await s.tessera.refresh(pair.refreshToken);
  assert.ok(!capped.ok && capped.reason === "session_expired");
});

test("rule 5: logout ends the session at once, for its refresh and access tokens, and is idempotent", async () => {
  const s = await createScenario({ policy });
  const pair = await s.loginOrThrow();
  assert.ok((await s.tessera.logout(pair.refreshToken)).ok);
  const access = await s.tessera.authenticate(pair.accessToken);
  assert.ok(!access.ok && access.reason === "revoked");
  const refreshed = await s.tessera.refresh(pair.refreshToken);
  assert.ok(!refreshed.ok && refreshed.reason === "revoked");
  const again = await s.tessera.logout(pair.refreshToken);
  assert.ok(again.ok && again.value.revoked === 0, "a second logout succeeds and changes nothing");
});

test("rule 5: logout with scope all ends every session of the user and no one else's", async () => {
  const s = await createScenario({ policy });
  const other = await s.tessera.createUser({ email: "bob@example.com", password: "hunter22" });
  assert.ok(other.ok);
  const bob = await s.tessera.login({ email: "bob@example.com", password: "hunter22" });
  const one = await s.loginOrThrow();
  const two = await s.loginOrThrow();
  const out = await s.tessera.logout(one.refreshToken, "all");
  assert.ok(out.ok && out.value.revoked === 2);
  assert.ok(!(await s.tessera.authenticate(two.accessToken)).ok);
  assert.ok(bob.ok && (await s.tessera.authenticate(bob.value.accessToken)).ok);
});

test("rule 6: an access token is accepted until exp and refused with TOKEN_EXPIRED from exp on", async () => {
  const s = await createScenario({ policy });
  s.clock.advance(250);
  const pair = await s.loginOrThrow();
  assert.equal(pair.expires, pair.accessExpiresAt - s.clock.now(), "expires is exactly the time left, never more");
  assert.ok(pair.expires <= 15 * 60_000 && pair.expires > 15 * 60_000 - 1000);
  s.clock.set(pair.accessExpiresAt - 1);
  assert.ok((await s.tessera.authenticate(pair.accessToken)).ok);
  s.clock.set(pair.accessExpiresAt);
  const expired = await s.tessera.authenticate(pair.accessToken);
  assert.ok(!expired.ok && expired.code === "TOKEN_EXPIRED" && expired.reason === "expired");
});

test("rule 6: stateless binding accepts a signed, unexpired token without looking up its session", async () => {
  const s = await createScenario({ policy: { ...policy, accessBinding: "stateless" } });
  const pair = await s.loginOrThrow();
  assert.ok((await s.tessera.logout(pair.refreshToken)).ok);
  const principal = await s.tessera.authenticate(pair.accessToken);
  assert.ok(principal.ok && principal.value.sessionId === pair.sessionId, "stateless verification trusts the signature until exp");
});

test("rule 6: a token of a suspended user is refused in session binding", async () => {
  const s = await createScenario({ policy });
  const pair = await s.loginOrThrow();
  await s.users.updateUser(s.user.id, { status: "suspended" });
  const refused = await s.tessera.authenticate(pair.accessToken);
  assert.ok(!refused.ok && refused.reason === "user_inactive");
});

test("rule 7: generating a static token replaces the old one, which stops working at once", async () => {
  const s = await createScenario({ policy });
  const first = await s.tessera.generateStaticToken(s.user.id);
  const second = await s.tessera.generateStaticToken(s.user.id);
  assert.ok(first.ok && second.ok);
  assert.match(second.value.token, /^tsk_[0-9A-Za-z]{38}$/);
  const old = await s.tessera.authenticate(first.value.token);
  assert.ok(!old.ok && old.code === "INVALID_TOKEN" && old.reason === "unknown");
  const current = await s.tessera.authenticate(second.value.token);
  assert.ok(current.ok && current.value.via === "static" && current.value.sessionId === null);
  assert.equal(s.store.snapshot().staticTokens.length, 1);
  assert.ok(!JSON.stringify(s.store.snapshot()).includes(second.value.token), "stored only as a hash");
});

test("rule 7: a static token never expires, records lastUsedAt, and stops when revoked", async () => {
  const s = await createScenario({ policy });
  const issued = await s.tessera.generateStaticToken(s.user.id);
  assert.ok(issued.ok);
  s.clock.advance(5 * 365 * 86_400_000);
  assert.ok((await s.tessera.authenticate(issued.value.token)).ok);
  assert.equal(s.store.snapshot().staticTokens[0]?.lastUsedAt, s.clock.now());
  assert.ok((await s.tessera.revokeStaticToken(s.user.id)).ok);
  assert.ok(!(await s.tessera.authenticate(issued.value.token)).ok);
});

test("rule 7: a static token with a bad checksum is refused before any store read", async () => {
  const s = await createScenario({ policy });
  const issued = await s.tessera.generateStaticToken(s.user.id);
  assert.ok(issued.ok);
  const last = issued.value.token.at(-1)!;
  const mistyped = issued.value.token.slice(0, -1) + (last === "a" ? "b" : "a");
  let reads = 0;
  const find = s.store.findStaticToken;
  s.store.findStaticToken = async (hash) => {
    reads++;
    return find(hash);
  };
  const refused = await s.tessera.authenticate(mistyped);
  assert.ok(!refused.ok && refused.reason === "bad_checksum");
  assert.equal(reads, 0);
});

test("rule 8: suspending a user ends all its sessions and its static token", async () => {
  const s = await createScenario({ policy });
  const a = await s.loginOrThrow();
  const b = await s.loginOrThrow();
  const staticToken = await s.tessera.generateStaticToken(s.user.id);
  assert.ok(staticToken.ok);
  assert.ok((await s.tessera.updateUser(s.user.id, { status: "suspended" })).ok);
  for (const token of [a.accessToken, b.accessToken, staticToken.value.token]) assert.ok(!(await s.tessera.authenticate(token)).ok);
  assert.ok(!(await s.tessera.refresh(a.refreshToken)).ok);
  assert.ok((await s.tessera.updateUser(s.user.id, { status: "active" })).ok);
  assert.ok(!(await s.tessera.refresh(b.refreshToken)).ok, "reactivation does not revive ended sessions");
  assert.ok(!(await s.tessera.authenticate(staticToken.value.token)).ok, "nor the static token");
});

test("rule 8: deleting a user ends its sessions and static token", async () => {
  const s = await createScenario({ policy });
  const pair = await s.loginOrThrow();
  const staticToken = await s.tessera.generateStaticToken(s.user.id);
  assert.ok(staticToken.ok && (await s.tessera.deleteUser(s.user.id)).ok);
  assert.ok(!(await s.tessera.authenticate(pair.accessToken)).ok);
  assert.ok(!(await s.tessera.authenticate(staticToken.value.token)).ok);
  assert.equal(s.store.snapshot().staticTokens.length, 0);
});

test("rule 8: changing the password ends every other session of the user, but not the one that changed it", async () => {
  const s = await createScenario({ policy });
  const mine = await s.loginOrThrow();
  const other = await s.loginOrThrow();
  assert.ok((await s.tessera.updateUser(s.user.id, { password: "a new passphrase" }, mine.sessionId)).ok);
  assert.ok((await s.tessera.authenticate(mine.accessToken)).ok);
  assert.ok(!(await s.tessera.authenticate(other.accessToken)).ok);
  const oldPassword = await s.tessera.login({ email: "ada@example.com", password: s.password });
  assert.ok(!oldPassword.ok && oldPassword.reason === "wrong_credentials");
  assert.ok((await s.tessera.login({ email: "ADA@example.com", password: "a new passphrase" })).ok);
});
