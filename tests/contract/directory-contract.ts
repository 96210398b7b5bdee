import assert from "node:assert/strict";
import { makeUser, t0 } from "./fixtures.ts";
import type { Register } from "./store-contract.ts";

/** The UserDirectory and RateLimiter ports. */
export function registerDirectoryTests(register: Register): void {
  register("insertUser stores a user found by id and, case-insensitively, by email", async ({ users }) => {
    const ada = makeUser("u1", "ada@example.com");
    assert.equal(await users.insertUser(ada), true);
    assert.deepEqual(await users.findUserById("u1"), ada);
    assert.deepEqual(await users.findUserByEmail("ADA@Example.com"), ada);
    assert.equal(await users.findUserByEmail("bob@example.com"), null);
    assert.equal(await users.findUserById("missing"), null);
  });

  register("insertUser refuses an email that differs only in case, and a taken id", async ({ users }) => {
    assert.equal(await users.insertUser(makeUser("u1", "ada@example.com")), true);
    assert.equal(await users.insertUser(makeUser("u2", "ADA@example.com")), false);
    assert.equal(await users.insertUser(makeUser("u1", "other@example.com")), false);
    assert.deepEqual((await users.listUsers()).map((u) => u.id), ["u1"]);
  });

  register("updateUser applies a patch, refuses a taken email and an unknown id", async ({ users }) => {
    await users.insertUser(makeUser("u1", "ada@example.com"));
    await users.insertUser(makeUser("u2", "bob@example.com"));
    assert.equal(await users.updateUser("u1", { role: "admin", status: "suspended", passwordHash: "new-hash" }), true);
    assert.deepEqual(await users.findUserById("u1"), makeUser("u1", "ada@example.com", { role: "admin", status: "suspended", passwordHash: "new-hash" }));
    assert.equal(await users.updateUser("u1", { email: "Bob@Example.com" }), false);
    assert.equal((await users.findUserById("u1"))?.email, "ada@example.com");
    assert.equal(await users.updateUser("u1", { email: "Ada.Lovelace@example.com" }), true);
    assert.equal((await users.findUserByEmail("ada.lovelace@example.com"))?.id, "u1");
    assert.equal(await users.findUserByEmail("ada@example.com"), null);
    assert.equal(await users.insertUser(makeUser("u3", "ada@example.com")), true);
    assert.equal(await users.updateUser("u1", {}), true);
    assert.equal(await users.updateUser("missing", { role: "admin" }), false);
    assert.equal(await users.updateUser("missing", {}), false);
  });

  register("deleteUser removes the user and frees the email", async ({ users }) => {
    await users.insertUser(makeUser("u1", "ada@example.com"));
    assert.equal(await users.deleteUser("u1"), true);
    assert.equal(await users.findUserById("u1"), null);
    assert.equal(await users.findUserByEmail("ada@example.com"), null);
    assert.equal(await users.deleteUser("u1"), false);
    assert.equal(await users.insertUser(makeUser("u2", "ada@example.com")), true);
  });

  register("listUsers orders users by email", async ({ users }) => {
    for (const [id, email] of [["u1", "carol@example.com"], ["u2", "ada@example.com"], ["u3", "Bob@example.com"], ["u4", "ada-z@example.com"]] as const) {
      await users.insertUser(makeUser(id, email));
    }
    assert.deepEqual((await users.listUsers()).map((u) => u.email), ["ada-z@example.com", "ada@example.com", "bob@example.com", "carol@example.com"]);
  });

  register("rate limiter: hits count within a fixed window, peek does not count, a new window restarts", async ({ rateLimiter }) => {
    const windowMs = 60_000;
    const start = Math.floor(t0 / windowMs) * windowMs;
    assert.deepEqual(await rateLimiter.peek("k", start + 1, windowMs), { count: 0, resetAt: start + windowMs });
    assert.deepEqual(await rateLimiter.hit("k", start + 1, windowMs), { count: 1, resetAt: start + windowMs });
    assert.deepEqual(await rateLimiter.hit("k", start + windowMs - 1, windowMs), { count: 2, resetAt: start + windowMs });
    assert.deepEqual(await rateLimiter.peek("k", start + 2, windowMs), { count: 2, resetAt: start + windowMs });
    assert.deepEqual(await rateLimiter.peek("other", start + 2, windowMs), { count: 0, resetAt: start + windowMs });
    assert.deepEqual(await rateLimiter.peek("k", start + windowMs, windowMs), { count: 0, resetAt: start + 2 * windowMs });
    assert.deepEqual(await rateLimiter.hit("k", start + windowMs, windowMs), { count: 1, resetAt: start + 2 * windowMs });
  });

  register("rate limiter: concurrent hits are all counted, and reset forgets the key", async ({ rateLimiter }) => {
    const windowMs = 60_000;
    const results = await Promise.all(Array.from({ length: 20 }, () => rateLimiter.hit("k", t0, windowMs)));
    assert.deepEqual(results.map((r) => r.count).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    await rateLimiter.reset("k");
    assert.equal((await rateLimiter.peek("k", t0, windowMs)).count, 0);
    assert.equal((await rateLimiter.hit("k", t0, windowMs)).count, 1);
  });
}
