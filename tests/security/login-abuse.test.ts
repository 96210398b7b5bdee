import assert from "node:assert/strict";
import { test } from "node:test";
import { assertRefusal, type Reply } from "./support/envelope.ts";
import { createStand, standPasswords, type Stand } from "./support/in-process-stand.ts";

// Small limits so that each test reaches them in a few requests; the default policy is 10 and 100 per 15 minutes.
const policy = { loginFailuresPerAccountAndAddress: 5, loginAttemptsPerAddress: 20, loginWindow: "15m" } as const;
const attacker = "203.0.113.66";
const adasHome = "192.0.2.10";

const attempt = (stand: Stand, email: string, password: string, clientAddress: string) => stand.call("POST", "/auth/login", { body: { email, password }, clientAddress });

function assertRateLimited(reply: Reply): number {
  assertRefusal(reply, 429, "REQUESTS_EXCEEDED");
  const retryAfter = Number(reply.headers.get("retry-after"));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 15 * 60, `Retry-After is whole seconds within the window: ${reply.headers.get("retry-after")}`);
  return retryAfter;
}

test("wrong passwords for one account from one address get 429 REQUESTS_EXCEEDED with Retry-After once the per-account limit is reached", async () => {
  const stand = await createStand({ policy });
  for (let i = 0; i < policy.loginFailuresPerAccountAndAddress; i++) assertRefusal(await attempt(stand, "ada@example.com", `guess-${i}`, attacker), 401, "INVALID_CREDENTIALS");
  assertRateLimited(await attempt(stand, "ada@example.com", "guess-next", attacker));
  // Even the right password is refused from that address now: the guesser learns nothing more.
  assertRateLimited(await attempt(stand, "ada@example.com", standPasswords.ada, attacker));
});

test("an attacker cannot lock the real user out: 150 failures from 30 addresses (Directus suspends after 25) leave Ada's own login and session working", async () => {
  const stand = await createStand({ policy });
  const session = await stand.login("ada@example.com", standPasswords.ada, adasHome);
  const statuses = new Map<number, number>();
  for (let address = 0; address < 30; address++) {
    for (let i = 0; i < 5; i++) {
      const reply = await attempt(stand, "ada@example.com", `guess-${address}-${i}`, `198.18.0.${address}`);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    }
  }
  assert.deepEqual([...statuses], [[401, 150]], "every guess was checked and refused");
  assert.equal((await attempt(stand, "ada@example.com", standPasswords.ada, adasHome)).status, 200, "Ada logs in from her own address");
  assert.equal((await stand.call("GET", "/users/me", { token: session.access_token })).status, 200, "her existing session still works");
  const admin = await stand.login("admin@example.com", standPasswords.admin, "192.0.2.99");
  const ada = JSON.parse((await stand.call("GET", `/users/${stand.adaId}`, { token: admin.access_token })).text).data;
  assert.equal(ada.status, "active", "no number of failures suspends the account");
});

test("an attacker rate-limited at the account limit does not block Ada, even on the same account, from another address", async () => {
  const stand = await createStand({ policy });
  for (let i = 0; i < 10; i++) await attempt(stand, "ada@example.com", `guess-${i}`, attacker);
  assertRateLimited(await attempt(stand, "ada@example.com", "guess", attacker));
  assert.equal((await attempt(stand, "ada@example.com", standPasswords.ada, adasHome)).status, 200);
});

test("a spray of many emails from one address hits the per-address limit (429) and leaves other addresses alone", async () => {
  const stand = await createStand({ policy });
  for (let i = 0; i < policy.loginAttemptsPerAddress; i++) {
    assertRefusal(await attempt(stand, `user-${i}@example.com`, "Winter2024!", attacker), 401, "INVALID_CREDENTIALS");
  }
  assertRateLimited(await attempt(stand, "user-x@example.com", "Winter2024!", attacker));
  assert.equal((await attempt(stand, "ada@example.com", standPasswords.ada, adasHome)).status, 200);
});

test("Retry-After is honest: once it has passed the address may try again, so no limit becomes a permanent lockout", async () => {
  const stand = await createStand({ policy });
  for (let i = 0; i < policy.loginFailuresPerAccountAndAddress; i++) await attempt(stand, "ada@example.com", `guess-${i}`, adasHome);
  const retryAfter = assertRateLimited(await attempt(stand, "ada@example.com", standPasswords.ada, adasHome));
  stand.kit.clock.advance(retryAfter * 1000 - 1_001);
  assertRateLimited(await attempt(stand, "ada@example.com", standPasswords.ada, adasHome));
  stand.kit.clock.advance(1_001);
  assert.equal((await attempt(stand, "ada@example.com", standPasswords.ada, adasHome)).status, 200, "after Retry-After the right password works again");
});

test("a successful login clears the account's failure count, so a user's own typos never add up to a block", async () => {
  const stand = await createStand({ policy: { ...policy, loginAttemptsPerAddress: 100 } });
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < policy.loginFailuresPerAccountAndAddress - 1; i++) assertRefusal(await attempt(stand, "ada@example.com", `typo-${i}`, adasHome), 401, "INVALID_CREDENTIALS");
    assert.equal((await attempt(stand, "ada@example.com", standPasswords.ada, adasHome)).status, 200, `round ${round}`);
  }
});
