import assert from "node:assert/strict";
import { test } from "node:test";
import { createScenario } from "../testing/index.ts";

test("an unknown email costs exactly one password verification, like a wrong password", async () => {
  const s = await createScenario();
  const before = s.passwords.counts.verify;
  const wrong = await s.tessera.login({ email: "ada@example.com", password: "wrong" });
  const afterWrong = s.passwords.counts.verify;
  const unknown = await s.tessera.login({ email: "nobody@example.com", password: "wrong" });
  const afterUnknown = s.passwords.counts.verify;
  assert.equal(afterWrong - before, 1);
  assert.equal(afterUnknown - afterWrong, 1);
  assert.deepEqual(wrong, unknown, "the same refusal, so the response cannot tell whether the email exists");
  assert.ok(!wrong.ok && wrong.code === "INVALID_CREDENTIALS" && wrong.reason === "wrong_credentials");
});

test("login matches the email case-insensitively and ignores surrounding spaces", async () => {
  const s = await createScenario();
  assert.ok((await s.tessera.login({ email: "  ADA@Example.COM ", password: s.password })).ok);
});

test("a suspended user cannot log in, even with the right password", async () => {
  const s = await createScenario();
  assert.ok((await s.tessera.updateUser(s.user.id, { status: "suspended" })).ok);
  const refused = await s.tessera.login({ email: "ada@example.com", password: s.password });
  assert.ok(!refused.ok && refused.code === "INVALID_CREDENTIALS" && refused.reason === "user_suspended");
});

test("failed logins are limited per account and address, with a retry time, and the window passes", async () => {
  const s = await createScenario({ policy: { loginFailuresPerAccountAndAddress: 3, loginWindow: "1m" } });
  for (let i = 0; i < 3; i++) await s.tessera.login({ email: "ada@example.com", password: "guess", ip: "198.51.100.1" });
  const limited = await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "198.51.100.1" });
  assert.ok(!limited.ok && limited.code === "REQUESTS_EXCEEDED" && limited.reason === "rate_limited");
  assert.ok(limited.retryAfterMs !== undefined && limited.retryAfterMs > 0 && limited.retryAfterMs <= 60_000);
  s.clock.advance(limited.retryAfterMs);
  assert.ok((await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "198.51.100.1" })).ok);
});

test("an attacker's failures cannot lock the real user out from another address", async () => {
  const s = await createScenario({ policy: { loginFailuresPerAccountAndAddress: 3 } });
  for (let i = 0; i < 50; i++) await s.tessera.login({ email: "ada@example.com", password: `guess${i}`, ip: "192.0.2.66" });
  const attacker = await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "192.0.2.66" });
  assert.ok(!attacker.ok && attacker.code === "REQUESTS_EXCEEDED");
  const owner = await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "203.0.113.7" });
  assert.ok(owner.ok, "the owner logs in from their own address");
});

test("one address is limited across accounts, so it cannot spray passwords over many users", async () => {
  const s = await createScenario({ policy: { loginAttemptsPerAddress: 5 } });
  for (let i = 0; i < 5; i++) await s.tessera.login({ email: `user${i}@example.com`, password: "Winter2026!", ip: "192.0.2.9" });
  const limited = await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "192.0.2.9" });
  assert.ok(!limited.ok && limited.code === "REQUESTS_EXCEEDED");
  assert.equal(s.passwords.counts.verify, 5, "a limited attempt costs no password verification");
});

test("a successful login resets the account-and-address failure count", async () => {
  const s = await createScenario({ policy: { loginFailuresPerAccountAndAddress: 3 } });
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 2; i++) await s.tessera.login({ email: "ada@example.com", password: "typo", ip: "203.0.113.7" });
    assert.ok((await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "203.0.113.7" })).ok, `round ${round}`);
  }
});

test("events report logins and failures without any token, hash or password", async () => {
  const s = await createScenario();
  const pair = await s.loginOrThrow();
  await s.tessera.login({ email: "ada@example.com", password: "Tr0ub4dor&3" });
  const refreshed = await s.tessera.refresh(pair.refreshToken);
  assert.ok(refreshed.ok);
  const dump = JSON.stringify(s.events);
  for (const secret of [pair.accessToken, pair.refreshToken, refreshed.value.refreshToken, s.password, "Tr0ub4dor&3"]) {
    assert.ok(!dump.includes(secret));
  }
  assert.deepEqual(
    s.events.map((e) => e.type),
    ["user_created", "login", "login_failed", "refresh"],
  );
});

test("a throwing event listener does not change an outcome", async () => {
  const { createTessera } = await import("../create-tessera.ts");
  const s = await createScenario();
  const tessera = createTessera({ clock: s.clock, random: s.random, crypto: s.crypto, store: s.store, users: s.users, passwords: s.passwords, keys: s.keyring, onEvent: () => { throw new Error("listener bug"); } });
  assert.ok((await tessera.login({ email: "ada@example.com", password: s.password })).ok);
});
