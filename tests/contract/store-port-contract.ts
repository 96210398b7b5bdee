import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { combinedReadsOf, decideRefresh, parsePolicy } from "@tessera/core";
import { makeRotation, makeSession, makeToken, makeUser, t0 } from "./fixtures.ts";
import type { Register } from "./store-contract.ts";

/** The Store port: sessions, refresh tokens and their compare-and-set writes, static tokens. */
export function registerStorePortTests(register: Register): void {
  register("insertSession stores the session and its first token exactly as given", async ({ store }) => {
    const session = makeSession("s1", "u1", { expiresAt: Number.MAX_SAFE_INTEGER, ip: "203.0.113.7", userAgent: "curl/8" });
    const token = makeToken("h1", session);
    await store.insertSession(session, token);
    assert.deepEqual(await store.findSession("s1"), session);
    assert.deepEqual(await store.findRefreshToken("h1"), token);
    assert.equal(await store.findSession("missing"), null);
    assert.equal(await store.findRefreshToken("missing"), null);
  });

  register("rotateRefreshToken spends a live token, inserts its successor and bumps the session", async ({ store }) => {
    const session = makeSession("s1", "u1");
    const token = makeToken("h1", session);
    await store.insertSession(session, token);
    const rotation = makeRotation(token, "h2", t0 + 5000);
    assert.equal(await store.rotateRefreshToken(rotation), true);
    assert.deepEqual(await store.findRefreshToken("h1"), { ...token, state: "rotated", rotatedAt: t0 + 5000, rotationNonce: rotation.rotationNonce, successorHash: "h2" });
    assert.deepEqual(await store.findRefreshToken("h2"), rotation.successor);
    assert.equal((await store.findSession("s1"))?.lastRefreshedAt, t0 + 5000);
  });

  register("after a second rotation the first token still reads rotated, and a refresh with it is reuse within the grace", async ({ store, users }) => {
    await users.insertUser(makeUser("u1", "ada@example.com"));
    const session = makeSession("s1", "u1");
    const first = makeToken("h1", session);
    await store.insertSession(session, first);
    const second = makeRotation(first, "h2", t0 + 1000);
    assert.equal(await store.rotateRefreshToken(second), true);
    const third = makeRotation(second.successor, "h3", t0 + 2000);
    assert.equal(await store.rotateRefreshToken(third), true);
    assert.deepEqual(await store.findRefreshToken("h2"), { ...second.successor, state: "rotated", rotatedAt: t0 + 2000, rotationNonce: third.rotationNonce, successorHash: "h3" });
    assert.deepEqual(await store.findRefreshToken("h3"), third.successor);
    // The port lets a store keep the facts of a session's last rotation only (the SQL store does); kept or not, the
    // first token's successor is spent, so presenting it within the grace is reuse.
    const spent = await store.findRefreshToken("h1");
    const kept = { ...first, state: "rotated", rotatedAt: t0 + 1000, rotationNonce: second.rotationNonce, successorHash: "h2" };
    const forgotten = { ...first, state: "rotated", rotatedAt: null, rotationNonce: null, successorHash: null };
    assert.ok(isDeepStrictEqual(spent, kept) || isDeepStrictEqual(spent, forgotten), JSON.stringify(spent));
    // Decided on what `refresh` reads: the store's own joined read where it offers one.
    const records = await combinedReadsOf(store, users).findRefreshRecords("h1");
    assert.deepEqual(records.token, spent);
    const verdict = decideRefresh(records, t0 + 2001, parsePolicy());
    assert.deepEqual(verdict, { kind: "reject", reason: "reused", revokeSession: true });
  });

  register("rotateRefreshToken refuses a token that is already rotated and changes nothing", async ({ store }) => {
    const session = makeSession("s1", "u1");
    const token = makeToken("h1", session);
    await store.insertSession(session, token);
    assert.equal(await store.rotateRefreshToken(makeRotation(token, "h2")), true);
    const before = await store.findRefreshToken("h1");
    assert.equal(await store.rotateRefreshToken(makeRotation(token, "h3", t0 + 9000)), false);
    assert.deepEqual(await store.findRefreshToken("h1"), before);
    assert.equal(await store.findRefreshToken("h3"), null);
    assert.equal((await store.findSession("s1"))?.lastRefreshedAt, t0 + 1000);
  });

  register("rotateRefreshToken refuses a token of a revoked session and an unknown token", async ({ store }) => {
    const session = makeSession("s1", "u1");
    const token = makeToken("h1", session);
    await store.insertSession(session, token);
    assert.equal(await store.revokeSession("s1", t0 + 10, "logout"), true);
    assert.equal(await store.rotateRefreshToken(makeRotation(token, "h2")), false);
    assert.equal((await store.findRefreshToken("h1"))?.state, "live");
    assert.equal(await store.findRefreshToken("h2"), null);
    assert.equal(await store.rotateRefreshToken(makeRotation(makeToken("nope", session), "h3")), false);
    assert.equal(await store.findRefreshToken("h3"), null);
  });

  register("two concurrent rotations of one token: exactly one wins", async ({ store }) => {
    const session = makeSession("s1", "u1");
    const token = makeToken("h1", session);
    await store.insertSession(session, token);
    const results = await Promise.all(["a", "b", "c", "d"].map((name) => store.rotateRefreshToken(makeRotation(token, `succ-${name}`))));
    assert.equal(results.filter(Boolean).length, 1);
    const winner = `succ-${"abcd"[results.indexOf(true)]}`;
    assert.equal((await store.findRefreshToken("h1"))?.successorHash, winner);
    for (const name of "abcd") assert.equal((await store.findRefreshToken(`succ-${name}`)) !== null, `succ-${name}` === winner);
  });

  register("revokeSession is a compare-and-set: the first revocation wins and is kept", async ({ store }) => {
    const session = makeSession("s1", "u1");
    await store.insertSession(session, makeToken("h1", session));
    const results = await Promise.all([store.revokeSession("s1", t0 + 1, "logout"), store.revokeSession("s1", t0 + 2, "refresh_token_reused")]);
    assert.equal(results.filter(Boolean).length, 1);
    const revoked = await store.findSession("s1");
    const expected = results[0] ? [t0 + 1, "logout"] : [t0 + 2, "refresh_token_reused"];
    assert.deepEqual([revoked?.revokedAt, revoked?.revokedReason], expected);
    assert.equal(await store.revokeSession("s1", t0 + 3, "again"), false);
    assert.equal(await store.revokeSession("missing", t0 + 3, "logout"), false);
  });

  register("revokeUserSessions ends the user's unrevoked sessions except the one kept", async ({ store }) => {
    for (const [id, user] of [["a", "u1"], ["b", "u1"], ["c", "u1"], ["d", "u2"]] as const) {
      const session = makeSession(id, user);
      await store.insertSession(session, makeToken(`h-${id}`, session));
    }
    await store.revokeSession("c", t0 + 1, "logout");
    assert.equal(await store.revokeUserSessions("u1", t0 + 2, "password_changed", "a"), 1);
    assert.deepEqual([(await store.findSession("a"))?.revokedAt, (await store.findSession("b"))?.revokedReason], [null, "password_changed"]);
    assert.equal((await store.findSession("c"))?.revokedReason, "logout");
    assert.equal(await store.revokeUserSessions("u1", t0 + 3, "logout_all"), 1);
    assert.equal((await store.findSession("d"))?.revokedAt, null);
    assert.equal(await store.revokeUserSessions("nobody", t0 + 3, "logout_all"), 0);
  });

  register("listLiveSessions returns the user's unrevoked, unexpired sessions, newest first", async ({ store }) => {
    const sessions = [
      makeSession("old", "u1", { createdAt: t0 }),
      makeSession("new-b", "u1", { createdAt: t0 + 10 }),
      makeSession("new-a", "u1", { createdAt: t0 + 10, expiresAt: t0 + 1000 }),
      makeSession("ended", "u1", { createdAt: t0 + 5, expiresAt: t0 + 500 }),
      makeSession("revoked", "u1", { createdAt: t0 + 20 }),
      makeSession("other", "u2", { createdAt: t0 + 30 }),
    ];
    for (const session of sessions) await store.insertSession(session, makeToken(`h-${session.id}`, session));
    await store.revokeSession("revoked", t0 + 21, "logout");
    const live = await store.listLiveSessions("u1", t0 + 500);
    assert.deepEqual(live.map((s) => s.id), ["new-a", "new-b", "old"]);
    assert.deepEqual(live[0], sessions[2]);
    assert.deepEqual((await store.listLiveSessions("u1", t0 + 1000)).map((s) => s.id), ["new-b", "old"]);
  });

  register("putStaticToken keeps one token per user: the old one stops matching at once", async ({ store }) => {
    await store.putStaticToken({ userId: "u1", hash: "st1", createdAt: t0, lastUsedAt: null });
    await store.putStaticToken({ userId: "u2", hash: "st-other", createdAt: t0, lastUsedAt: null });
    await store.touchStaticToken("st1", t0 + 5);
    assert.deepEqual(await store.findStaticToken("st1"), { userId: "u1", hash: "st1", createdAt: t0, lastUsedAt: t0 + 5 });
    await store.putStaticToken({ userId: "u1", hash: "st2", createdAt: t0 + 10, lastUsedAt: null });
    assert.equal(await store.findStaticToken("st1"), null);
    assert.deepEqual(await store.findStaticToken("st2"), { userId: "u1", hash: "st2", createdAt: t0 + 10, lastUsedAt: null });
    assert.equal((await store.findStaticToken("st-other"))?.userId, "u2");
  });

  register("deleteStaticToken reports whether there was one; touching an unknown hash is a no-op", async ({ store }) => {
    await store.putStaticToken({ userId: "u1", hash: "st1", createdAt: t0, lastUsedAt: null });
    await store.touchStaticToken("unknown", t0 + 1);
    assert.equal(await store.deleteStaticToken("u1"), true);
    assert.equal(await store.findStaticToken("st1"), null);
    assert.equal(await store.deleteStaticToken("u1"), false);
  });
}
