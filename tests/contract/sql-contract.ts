import assert from "node:assert/strict";
import type { KyselyStore } from "@tessera/store-kysely";
import { makeRotation, makeSession, makeToken, makeUser, t0 } from "./fixtures.ts";
import type { Register } from "./store-contract.ts";

const day = 86_400_000;

/** What only the SQL store offers: a second connection, prune, signing keys, ping, faults. */
export function registerSqlTests(register: Register): void {
  register("the combined reads return what the separate look-ups return, for every shape of refresh", async ({ sql }) => {
    const store = sql as KyselyStore;
    const ada = makeUser("u1", "ada@example.com");
    await store.insertUser(ada);
    const session = makeSession("s1", "u1");
    const first = makeToken("h1", session);
    await store.insertSession(session, first);
    const separate = async (hash: string) => {
      const token = await store.findRefreshToken(hash);
      if (token === null) return { token, session: null, successor: null, user: null };
      const successor = token.successorHash === null ? null : await store.findRefreshToken(token.successorHash);
      return { token, session: await store.findSession(token.sessionId), successor, user: await store.findUserById(token.userId) };
    };
    const live = await store.findRefreshRecords("h1");
    assert.deepEqual(live, await separate("h1"));
    assert.equal(live.user?.email, "ada@example.com");
    assert.equal(live.successor, null);
    assert.equal(await store.rotateRefreshToken(makeRotation(first, "h2")), true);
    const rotated = await store.findRefreshRecords("h1");
    assert.deepEqual(rotated, await separate("h1"));
    assert.equal(rotated.successor?.hash, "h2");
    assert.deepEqual(await store.findRefreshRecords("nope"), { token: null, session: null, successor: null, user: null });
    // A token whose user is gone: the token and session come back, the user does not.
    const orphan = makeSession("s2", "u-gone");
    await store.insertSession(orphan, makeToken("h3", orphan));
    assert.deepEqual(await store.findRefreshRecords("h3"), await separate("h3"));
    assert.equal((await store.findRefreshRecords("h3")).user, null);

    assert.deepEqual(await store.findSessionAndUser("s1", "u1"), { session: await store.findSession("s1"), user: await store.findUserById("u1") });
    assert.equal((await store.findSessionAndUser("s1", "u1")).session?.lastRefreshedAt, t0 + 1000);
    assert.deepEqual(await store.findSessionAndUser("s-none", "u1"), { session: null, user: ada });
    assert.deepEqual(await store.findSessionAndUser("s1", "u-none"), { session: await store.findSession("s1"), user: null });

    await store.putStaticToken({ userId: "u1", hash: "st1", createdAt: t0, lastUsedAt: null });
    await store.putStaticToken({ userId: "u-gone", hash: "st2", createdAt: t0, lastUsedAt: null });
    assert.deepEqual(await store.findStaticTokenAndUser("st1"), { token: await store.findStaticToken("st1"), user: ada });
    assert.equal((await store.findStaticTokenAndUser("st1")).token?.userId, "u1");
    assert.deepEqual(await store.findStaticTokenAndUser("st2"), { token: await store.findStaticToken("st2"), user: null });
    assert.deepEqual(await store.findStaticTokenAndUser("nope"), { token: null, user: null });
  });

  register("rotations racing through two connections to one database: exactly one wins", async ({ sql, openSecond }) => {
    const [store, second] = [sql as KyselyStore, await (openSecond as () => Promise<KyselyStore>)()];
    try {
      const session = makeSession("s1", "u1");
      const token = makeToken("h1", session);
      await store.insertSession(session, token);
      const results = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? store : second).rotateRefreshToken(makeRotation(token, `succ-${i}`))));
      assert.equal(results.filter(Boolean).length, 1);
      const winner = `succ-${results.indexOf(true)}`;
      assert.equal((await second.findRefreshToken("h1"))?.successorHash, winner);
      for (let i = 0; i < 16; i++) assert.equal((await store.findRefreshToken(`succ-${i}`)) !== null, `succ-${i}` === winner);
    } finally {
      await second.close();
    }
  });

  register("prune deletes dead sessions with their tokens, expired tokens and ended windows, in batches", async ({ sql }) => {
    const store = sql as KyselyStore;
    const now = t0 + 10 * day;
    const active = makeSession("active", "u1");
    const a1 = makeToken("a1", active);
    await store.insertSession(active, a1);
    assert.equal(await store.rotateRefreshToken(makeRotation(a1, "a2", t0 + 6 * day)), true);
    const lapsed = makeSession("lapsed", "u1");
    await store.insertSession(lapsed, makeToken("b1", lapsed));
    for (const [id, revokedAt] of [["revoked-long-ago", now - 2 * day], ["revoked-lately", now - 3_600_000]] as const) {
      const session = makeSession(id, "u2");
      await store.insertSession(session, makeToken(`${id}-token`, session, { expiresAt: t0 + 20 * day }));
      await store.revokeSession(id, revokedAt, "logout");
    }
    await store.hit("ended", t0, 60_000);
    await store.hit("current", now, 60_000);

    assert.deepEqual(await store.prune(now, { batchSize: 1 }), { deleted: 6 });
    assert.deepEqual(await Promise.all(["active", "lapsed", "revoked-long-ago", "revoked-lately"].map(async (id) => (await store.findSession(id)) !== null)), [true, false, false, true]);
    assert.deepEqual(await Promise.all(["a1", "a2", "b1", "revoked-long-ago-token", "revoked-lately-token"].map(async (h) => (await store.findRefreshToken(h)) !== null)), [false, true, false, false, true]);
    assert.deepEqual([(await store.peek("ended", t0, 60_000)).count, (await store.peek("current", now, 60_000)).count], [0, 1]);
    assert.deepEqual(await store.prune(now), { deleted: 0 });
  });

  register("signing keys: metadata is listed oldest first and retired by compare-and-set", async ({ sql }) => {
    const store = sql as KyselyStore;
    await store.insertSigningKey({ kid: "k2", alg: "HS256", createdAt: t0 + 1, retiredAt: null });
    await store.insertSigningKey({ kid: "k1", alg: "HS256", createdAt: t0, retiredAt: null });
    assert.equal(await store.retireSigningKey("k1", t0 + 5), true);
    assert.equal(await store.retireSigningKey("k1", t0 + 6), false);
    assert.equal(await store.retireSigningKey("unknown", t0 + 6), false);
    assert.deepEqual(await store.listSigningKeys(), [
      { kid: "k1", alg: "HS256", createdAt: t0, retiredAt: t0 + 5 },
      { kid: "k2", alg: "HS256", createdAt: t0 + 1, retiredAt: null },
    ]);
    await assert.rejects(store.insertSigningKey({ kid: "k1", alg: "HS256", createdAt: t0, retiredAt: null }), { name: "StoreError" });
  });

  register("ping is true on an open store and false once it is closed", async ({ sql, openSecond }) => {
    assert.equal(await (sql as KyselyStore).ping(), true);
    const second = await (openSecond as () => Promise<KyselyStore>)();
    assert.equal(await second.ping(), true);
    await second.close();
    assert.equal(await second.ping(), false);
  });

  register("a driver failure surfaces as a StoreError that names the operation, not the token", async ({ sql, openSecond }) => {
    const second = await (openSecond as () => Promise<KyselyStore>)();
    await second.close();
    const error = await second.findRefreshToken("secret-token-hash").then(
      () => assert.fail("a closed store answered"),
      (caught: unknown) => caught as Error,
    );
    assert.equal(error.name, "StoreError");
    assert.match(error.message, /findRefreshToken/);
    assert.doesNotMatch(error.message, /secret-token-hash/);
    assert.ok(error.cause !== undefined);
    assert.equal(await (sql as KyselyStore).ping(), true);
  });
}
