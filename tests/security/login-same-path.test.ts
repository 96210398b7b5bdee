import assert from "node:assert/strict";
import { test } from "node:test";
import { createKeyring, createMemoryRateLimiter, createOsloCrypto, createTessera, generateHmacKey } from "@tessera/core";
import { createManualClock, createMemoryStore, createMemoryUserDirectory, createSeededRandom, createTestPasswordHasher } from "@tessera/core/testing";
import { createFetchHandler } from "@tessera/fetch";
import { readReply } from "./support/envelope.ts";
import { buildRequest } from "./support/in-process-stand.ts";
import { type CallLog, recordCalls } from "./support/recording-ports.ts";

/** A Tessera whose every port records its calls, behind the fetch handler. */
async function recordedServer() {
  const log: CallLog = [];
  const crypto = createOsloCrypto();
  const random = createSeededRandom(11);
  const passwords = createTestPasswordHasher(crypto);
  const tessera = createTessera({
    clock: createManualClock(),
    random: recordCalls("random", random, log),
    crypto: recordCalls("crypto", crypto, log),
    store: recordCalls("store", createMemoryStore(), log),
    users: recordCalls("users", createMemoryUserDirectory(), log),
    passwords: recordCalls("passwords", passwords, log),
    rateLimiter: recordCalls("rateLimiter", createMemoryRateLimiter(), log),
    keys: createKeyring(generateHmacKey(random)),
  });
  const created = await tessera.createUser({ email: "ada@example.com", password: "ada-password" });
  assert.ok(created.ok);
  const handler = createFetchHandler(tessera);
  const login = async (email: string, password: string, clientAddress: string) => {
    log.length = 0;
    const verifiesBefore = passwords.counts.verify;
    const reply = await readReply(await handler(buildRequest("http://127.0.0.1", "POST", "/auth/login", { body: { email, password } }), { clientAddress }));
    return { reply, calls: [...log], verifies: passwords.counts.verify - verifiesBefore };
  };
  return { login, passwords, tessera };
}

test("an unknown email and a wrong password run the same code path: the same port calls in the same order, one password verification each, the same answer", async () => {
  const server = await recordedServer();
  // The dummy hash is built when the service starts, so even the very first unknown email hashes nothing.
  const unknown = await server.login("nobody@example.com", "whatever", "192.0.2.2");
  assert.deepEqual(unknown.calls.filter((call) => call === "passwords.hash"), [], "no hashing on the login path");
  const wrong = await server.login("ada@example.com", "not-her-password", "192.0.2.3");
  assert.deepEqual(unknown.calls, wrong.calls, "the same port calls, in the same order");
  assert.ok(unknown.calls.includes("passwords.verify"));
  assert.equal(unknown.verifies, 1, "an unknown email costs one password verification");
  assert.equal(wrong.verifies, 1, "a wrong password costs one password verification");
  assert.equal(unknown.reply.status, 401);
  assert.equal(unknown.reply.text, wrong.reply.text, "the same body: code, reason and message");
  assert.deepEqual([...unknown.reply.headers], [...wrong.reply.headers], "the same headers");
});

test("a wrong password for a suspended user runs the same path as for an active one: suspension is revealed only to the right password", async () => {
  const server = await recordedServer();
  const bob = await server.tessera.createUser({ email: "bob@example.com", password: "bob-password" });
  assert.ok(bob.ok);
  assert.ok((await server.tessera.updateUser(bob.value.id, { status: "suspended" })).ok);
  await server.login("warm-up@example.com", "x", "192.0.2.1");
  const suspended = await server.login("bob@example.com", "wrong-1", "192.0.2.4");
  const active = await server.login("ada@example.com", "wrong-2", "192.0.2.5");
  assert.deepEqual(suspended.calls, active.calls);
  assert.equal(suspended.reply.text, active.reply.text);
  const right = await server.login("ada@example.com", "ada-password", "192.0.2.6");
  assert.equal(right.reply.status, 200);
  assert.equal(right.verifies, 1, "a right password also costs exactly one verification");
});
