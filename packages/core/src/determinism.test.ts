import assert from "node:assert/strict";
import { test } from "node:test";
import { createScenario } from "./testing/index.ts";

// One scripted sequence touching every operation; returns everything it saw.
async function runScript(seed: number) {
  const s = await createScenario({ seed, policy: { accessTokenTtl: "1m", refreshTokenTtl: "1h", reuseGrace: "10s" } });
  const transcript: unknown[] = [];
  const record = (step: string, value: unknown) => transcript.push({ step, at: s.clock.now(), value });
  const login = await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "203.0.113.7", userAgent: "test" });
  record("login", login);
  if (!login.ok) throw new Error("login refused");
  s.clock.advance(1_234);
  const rotated = await s.tessera.refresh(login.value.refreshToken);
  record("refresh", rotated);
  s.clock.advance(2_000);
  record("retry", await s.tessera.refresh(login.value.refreshToken));
  record("verify", await s.tessera.authenticate(login.value.accessToken));
  s.clock.advance(10_000);
  record("reuse", await s.tessera.refresh(login.value.refreshToken));
  record("after reuse", rotated.ok ? await s.tessera.refresh(rotated.value.refreshToken) : null);
  const second = await s.tessera.login({ email: "ada@example.com", password: s.password });
  record("second login", second);
  const issued = await s.tessera.generateStaticToken(s.user.id);
  record("static", issued);
  record("static verify", issued.ok ? await s.tessera.authenticate(issued.value.token) : null);
  s.clock.advance(61_000);
  record("expired access", second.ok ? await s.tessera.authenticate(second.value.accessToken) : null);
  record("logout", second.ok ? await s.tessera.logout(second.value.refreshToken) : null);
  record("sessions", await s.tessera.listSessions(s.user.id));
  return { transcript: JSON.stringify(transcript), store: JSON.stringify(s.store.snapshot()), events: JSON.stringify(s.events) };
}

test("the same seed and commands give byte-identical tokens, outcomes, events and store contents", async () => {
  const first = await runScript(42);
  const second = await runScript(42);
  assert.equal(first.transcript, second.transcript);
  assert.equal(first.store, second.store);
  assert.equal(first.events, second.events);
  assert.ok(first.transcript.includes("reused") && first.transcript.includes("tsk_"), "the script exercised reuse and static tokens");
});

test("a different seed gives different tokens (the determinism check can fail)", async () => {
  const a = await runScript(42);
  const b = await runScript(43);
  assert.notEqual(a.transcript, b.transcript);
  assert.notEqual(a.store, b.store);
});
