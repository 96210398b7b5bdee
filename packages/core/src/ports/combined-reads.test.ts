import assert from "node:assert/strict";
import { test } from "node:test";
import { createMemoryStore, createMemoryUserDirectory, createTestKit } from "../testing/index.ts";
import { type CombinedReads, combinedReadsOf } from "./combined-reads.ts";
import type { Store } from "./store.ts";
import type { UserDirectory } from "./user-directory.ts";

// One object that is both the store and the user directory, with combined
// reads built from the separate ones, counting how often each path is taken.
function createCombinedStore() {
  const store = createMemoryStore();
  const users = createMemoryUserDirectory();
  const calls = { combined: 0 };
  const combined: CombinedReads = {
    async findSessionAndUser(sessionId, userId) {
      calls.combined++;
      return { session: await store.findSession(sessionId), user: await users.findUserById(userId) };
    },
    async findRefreshRecords(hash) {
      calls.combined++;
      const token = await store.findRefreshToken(hash);
      if (token === null) return { token, session: null, successor: null, user: null };
      const successor = token.successorHash === null ? null : await store.findRefreshToken(token.successorHash);
      return { token, session: await store.findSession(token.sessionId), successor, user: await users.findUserById(token.userId) };
    },
    async findStaticTokenAndUser(hash) {
      calls.combined++;
      const token = await store.findStaticToken(hash);
      return { token, user: token === null ? null : await users.findUserById(token.userId) };
    },
  };
  const both: Store & UserDirectory & CombinedReads = {
    ...store,
    ...users,
    ...combined,
  };
  return { both, calls };
}

test("combinedReadsOf: only a store given also as the user directory, and offering the reads, is read together; anything else reads separately", async () => {
  const { both, calls } = createCombinedStore();
  assert.equal(combinedReadsOf(both, both), both);
  const otherUsers = createMemoryUserDirectory();
  const elsewhere = combinedReadsOf(both, otherUsers);
  assert.notEqual(elsewhere, both, "users from elsewhere: the store cannot read them");
  await otherUsers.insertUser({ id: "u1", email: "ada@example.com", passwordHash: "x", role: "user", status: "active", createdAt: 0 });
  assert.deepEqual(await elsewhere.findSessionAndUser("none", "u1"), { session: null, user: await otherUsers.findUserById("u1") });
  assert.equal(calls.combined, 0, "the store's own combined reads were not used");
  const store = createMemoryStore();
  assert.notEqual(combinedReadsOf(store, store as unknown as UserDirectory), store, "no combined reads offered");
});

test("refresh and session-binding verification take the combined reads when the store offers them, with the same outcomes", async () => {
  const { both, calls } = createCombinedStore();
  const kit = createTestKit({ store: both, users: both });
  const created = await kit.tessera.createUser({ email: "ada@example.com", password: "pw" });
  assert.ok(created.ok);
  const pair = await kit.tessera.login({ email: "ada@example.com", password: "pw", ip: null, userAgent: null });
  assert.ok(pair.ok);
  const before = calls.combined;
  assert.ok((await kit.tessera.authenticate(pair.value.accessToken)).ok);
  assert.equal(calls.combined, before + 1);
  const next = await kit.tessera.refresh(pair.value.refreshToken);
  assert.ok(next.ok);
  assert.equal(calls.combined, before + 2);
  const retried = await kit.tessera.refresh(pair.value.refreshToken);
  assert.ok(retried.ok && retried.value.refreshToken === next.value.refreshToken, "the retry grace reads the successor through the combined read too");
  await kit.tessera.logout(next.value.refreshToken);
  assert.equal((await kit.tessera.authenticate(next.value.accessToken)).ok, false);
  const generated = await kit.tessera.generateStaticToken(created.value.id);
  assert.ok(generated.ok);
  const beforeStatic = calls.combined;
  const principal = await kit.tessera.authenticate(generated.value.token);
  assert.ok(principal.ok && principal.value.via === "static" && principal.value.user?.email === "ada@example.com");
  assert.equal(calls.combined, beforeStatic + 1);
});
