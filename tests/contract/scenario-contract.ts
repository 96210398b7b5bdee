import assert from "node:assert/strict";
import type { Outcome } from "@tessera/core";
import { createTestKit } from "@tessera/core/testing";
import type { Register } from "./store-contract.ts";

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) assert.fail(`expected success, got ${outcome.code}/${outcome.reason}`);
  return outcome.value;
}

/** The core service end to end on the store under test. */
export function registerScenarioTests(register: Register): void {
  register("core scenario: login, refresh, retry grace, reuse revokes, logout", async ({ store, users }) => {
    const kit = createTestKit({ store, users, seed: 11 });
    const { tessera, clock } = kit;
    value(await tessera.createUser({ email: "Ada@Example.com", password: "correct horse" }));
    const login = value(await tessera.login({ email: "ada@example.com", password: "correct horse", ip: "203.0.113.1" }));
    assert.equal(value(await tessera.authenticate(login.accessToken)).sessionId, login.sessionId);

    clock.advance(1000);
    const first = value(await tessera.refresh(login.refreshToken));
    assert.notEqual(first.refreshToken, login.refreshToken);
    clock.advance(2000);
    const retried = value(await tessera.refresh(login.refreshToken));
    assert.equal(retried.refreshToken, first.refreshToken, "a retry within the grace returns the same successor");

    clock.advance(1000);
    const second = value(await tessera.refresh(first.refreshToken));
    clock.advance(20_000);
    const reused = await tessera.refresh(first.refreshToken);
    assert.deepEqual([reused.ok, !reused.ok && reused.reason], [false, "reused"]);
    assert.ok(kit.events.some((event) => event.type === "refresh_token_reused"));
    const dead = await tessera.refresh(second.refreshToken);
    assert.deepEqual([dead.ok, !dead.ok && dead.reason], [false, "revoked"]);
    assert.equal((await tessera.authenticate(second.accessToken)).ok, false);

    const again = value(await tessera.login({ email: "ADA@example.com", password: "correct horse" }));
    const listed = await tessera.listSessions(again.userId);
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.map((s) => s.id), [again.sessionId]);
    value(await tessera.logout(again.refreshToken));
    value(await tessera.logout(again.refreshToken));
    assert.equal((await tessera.refresh(again.refreshToken)).ok, false);
    assert.equal((await tessera.authenticate(again.accessToken)).ok, false);
  });

  register("core scenario: a static token works until it is replaced, and suspension ends everything", async ({ store, users }) => {
    const { tessera } = createTestKit({ store, users, seed: 12 });
    const user = value(await tessera.createUser({ email: "bob@example.com", password: "pw" }));
    const oldToken = value(await tessera.generateStaticToken(user.id)).token;
    assert.equal(value(await tessera.authenticate(oldToken)).via, "static");
    const newToken = value(await tessera.generateStaticToken(user.id)).token;
    assert.equal((await tessera.authenticate(oldToken)).ok, false);
    assert.equal(value(await tessera.authenticate(newToken)).userId, user.id);
    const login = value(await tessera.login({ email: "bob@example.com", password: "pw" }));
    value(await tessera.updateUser(user.id, { status: "suspended" }));
    assert.equal((await tessera.authenticate(newToken)).ok, false);
    assert.equal((await tessera.refresh(login.refreshToken)).ok, false);
    assert.equal((await tessera.login({ email: "bob@example.com", password: "pw" })).ok, false);
  });
}
