import assert from "node:assert/strict";
import type { SessionRecord } from "@tessera/core";
import type { KyselyStore } from "@tessera/store-kysely";
import { sql as raw } from "kysely";
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

  register("a token the schema cannot hold as given (not fresh, or of another session) is refused, and nothing is written", async ({ sql }) => {
    const store = sql as KyselyStore;
    const session = makeSession("s1", "u1");
    for (const first of [makeToken("h1", session, { state: "rotated" }), makeToken("h1", session, { rotationNonce: "n" }), makeToken("h1", makeSession("s2", "u1"))]) {
      await assert.rejects(store.insertSession(session, first), { name: "StoreError", message: /a new session's first token must be a fresh live token/ });
    }
    assert.equal(await store.findSession("s1"), null);
    const first = makeToken("h1", session);
    await store.insertSession(session, first);
    const rotation = makeRotation(first, "h2");
    await assert.rejects(store.rotateRefreshToken({ ...rotation, successor: { ...rotation.successor, sessionId: "s2" } }), { name: "StoreError", message: /a rotation's successor/ });
    await assert.rejects(store.rotateRefreshToken({ ...rotation, successor: { ...rotation.successor, successorHash: "h3" } }), { name: "StoreError" });
    assert.equal(await store.findRefreshToken("h2"), null);
    assert.equal((await store.findRefreshToken("h1"))?.state, "live");
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

  const upgrades = [
    ["0001-initial-schema", "a database made before 0002 keeps its tokens through the migrations, and loses refresh_tokens' indexes and foreign key"],
    ["0002-unindexed-refresh-tokens", "a database made before 0003 moves each family's state into its session row, and keeps the last rotation's facts"],
  ] as const;
  for (const [keep, title] of upgrades) {
    register(title, async ({ sql, openSecond }) => {
      const store = sql as KyselyStore;
      await rewindSchema(store, keep);
      await putOldFamily(store, keep !== "0001-initial-schema");
      const migrated = await (openSecond as () => Promise<KyselyStore>)();
      try {
        await assertMigratedFamily(migrated, keep !== "0001-initial-schema");
        // No foreign key: a token may name a session that is not there (prune deletes sessions before their tokens).
        const gone = makeSession("s-gone", "u1");
        await migrated.insertSession(gone, makeToken("stray", gone));
        await migrated.db.deleteFrom("sessions").where("id", "=", "s-gone").execute();
        assert.equal(await migrated.findRefreshToken("stray"), null);
        assert.equal((await migrated.db.selectFrom("refresh_tokens").select("hash").where("hash", "=", "stray").execute()).length, 1);
      } finally {
        await migrated.close();
      }
    });
  }

  register("a token whose session is gone reads as absent everywhere, and prune deletes it", async ({ sql }) => {
    const store = sql as KyselyStore;
    await store.insertUser(makeUser("u1", "ada@example.com"));
    const session = makeSession("s1", "u1");
    const first = makeToken("h1", session);
    await store.insertSession(session, first);
    assert.equal(await store.rotateRefreshToken(makeRotation(first, "h2")), true);
    const kept = makeSession("s2", "u1");
    await store.insertSession(kept, makeToken("k1", kept));
    // What prune leaves for a moment when it deletes a session whose tokens sit in a later range of its sweep.
    await store.db.deleteFrom("sessions").where("id", "=", "s1").execute();
    const none = { token: null, session: null, successor: null, user: null };
    for (const hash of ["h1", "h2"]) {
      assert.equal(await store.findRefreshToken(hash), null);
      assert.deepEqual(await store.findRefreshRecords(hash), none);
    }
    assert.equal(await store.rotateRefreshToken(makeRotation({ ...first, hash: "h2" }, "h3")), false);
    assert.equal(await store.findRefreshToken("h3"), null);
    assert.deepEqual(await store.prune(t0 + 2000), { deleted: 2 });
    const left = await store.db.selectFrom("refresh_tokens").select("hash").orderBy("hash").execute();
    assert.deepEqual(left.map((row) => row.hash), ["k1"]);
  });

  register("prune's sweep covers every range: with batches of one, each dead session and stray token among many goes", async ({ sql }) => {
    const store = sql as KyselyStore;
    const now = t0 + 10 * day;
    // Ten sessions in hash order; the odd ones have lapsed (live token expired), the even ones are live.
    for (let i = 1; i < 10; i++) {
      const session = makeSession(`s${i}`, "u1");
      await store.insertSession(session, makeToken(`t${i}`, session, { expiresAt: i % 2 === 1 ? now - 1 : now + day }));
    }
    // s0's first token sorts before every other and has expired since its rotation to t0, which is live.
    const s0 = makeSession("s0", "u1");
    const old = makeToken("a-old", s0, { expiresAt: now - day });
    await store.insertSession(s0, old);
    assert.equal(await store.rotateRefreshToken(makeRotation(old, "t0", now - 3 * day)), true);
    // A token that sorts after every other, of a session that is gone.
    const gone = makeSession("gone", "u1");
    await store.insertSession(gone, makeToken("z-stray", gone));
    await store.db.deleteFrom("sessions").where("id", "=", "gone").execute();
    assert.deepEqual(await store.prune(now, { batchSize: 1 }), { deleted: 12 });
    const sessions = await store.db.selectFrom("sessions").select("id").orderBy("id").execute();
    assert.deepEqual(sessions.map((row) => row.id), ["s0", "s2", "s4", "s6", "s8"]);
    const tokens = await store.db.selectFrom("refresh_tokens").select("hash").orderBy("hash").execute();
    assert.deepEqual(tokens.map((row) => row.hash), ["t0", "t2", "t4", "t6", "t8"]);
    assert.deepEqual(await store.prune(now, { batchSize: 3 }), { deleted: 0 });
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

// The migrations after `keep`, undone by hand on an empty store: refresh_tokens as 0001 (foreign key, indexes) or
// 0002 made it, sessions without 0003's columns, and the migrator's record of the later migrations forgotten.
async function rewindSchema(store: KyselyStore, keep: "0001-initial-schema" | "0002-unindexed-refresh-tokens"): Promise<void> {
  const db = store.db;
  const postgres = store.dialect === "postgres";
  for (const column of ["current_hash", "previous_hash", "previous_rotated_at", "previous_nonce"]) {
    await raw`alter table sessions drop column ${raw.ref(column)}`.execute(db);
  }
  await raw`drop table refresh_tokens`.execute(db);
  const sessionKey = keep === "0001-initial-schema" ? raw`references sessions (id) on delete cascade` : raw``;
  // As 0001 made it: text keys collate "C" on PostgreSQL, tables are WITHOUT ROWID on SQLite.
  const key = postgres ? raw`text collate "C"` : raw`text`;
  await raw`
    create table refresh_tokens (
      hash ${key} primary key, session_id ${key} not null ${sessionKey}, user_id text not null,
      state text not null check (state in ('live', 'rotated')), issued_at bigint not null, expires_at bigint not null,
      rotated_at bigint, rotation_nonce text, successor_hash ${key}
    ) ${postgres ? raw`` : raw`without rowid`}`.execute(db);
  if (keep === "0001-initial-schema") {
    await raw`create index refresh_tokens_session on refresh_tokens (session_id)`.execute(db);
    await raw`create index refresh_tokens_expires_at on refresh_tokens (expires_at)`.execute(db);
  }
  await raw`delete from kysely_migration where name > ${keep}`.execute(db);
}

const week = 7 * day;

// Rows as the store wrote them before 0003: session s1 rotated twice (h1 to h2 to h3), s2 never (k1), s3 revoked;
// s4 whose live token is gone (only a rotated one left), and with `orphan` (0002 dropped the cascade) a token whose
// session is gone (o1).
async function putOldFamily(store: KyselyStore, orphan: boolean): Promise<void> {
  const db = store.db;
  await store.insertUser(makeUser("u1", "ada@example.com"));
  for (const id of ["s1", "s2", "s3", "s4"]) {
    await raw`insert into sessions (id, user_id, created_at, expires_at, last_refreshed_at, revoked_at, revoked_reason, ip, user_agent)
      values (${id}, 'u1', ${t0}, null, ${id === "s1" ? t0 + 2000 : t0}, ${id === "s3" ? t0 + 500 : null}, ${id === "s3" ? "logout" : null}, null, null)`.execute(db);
  }
  const token = (hash: string, session: string, issuedAt: number, rotation: readonly [number, string, string] | null) =>
    raw`insert into refresh_tokens (hash, session_id, user_id, state, issued_at, expires_at, rotated_at, rotation_nonce, successor_hash)
      values (${hash}, ${session}, 'u1', ${rotation === null ? "live" : "rotated"}, ${issuedAt}, ${issuedAt + week},
        ${rotation?.[0] ?? null}, ${rotation?.[1] ?? null}, ${rotation?.[2] ?? null})`.execute(db);
  await token("h1", "s1", t0, [t0 + 1000, "nonce-h2", "h2"]);
  await token("h2", "s1", t0 + 1000, [t0 + 2000, "nonce-h3", "h3"]);
  await token("h3", "s1", t0 + 2000, null);
  await token("k1", "s2", t0, null);
  await token("r1", "s3", t0, null);
  await token("x1", "s4", t0, [t0 + 1000, "nonce-x2", "x2"]);
  if (orphan) await token("o1", "s-none", t0, null);
}

// What the family of putOldFamily reads as on the latest schema, and that it rotates on from there.
async function assertMigratedFamily(migrated: KyselyStore, orphan: boolean): Promise<void> {
  const names = await raw<{ name: string }>`select name from kysely_migration order by name`.execute(migrated.db);
  assert.deepEqual(names.rows.map((row) => row.name), ["0001-initial-schema", "0002-unindexed-refresh-tokens", "0003-session-row-rotation"]);
  const s1 = makeSession("s1", "u1");
  const live = (hash: string, session: SessionRecord, issuedAt: number) => makeToken(hash, session, { issuedAt, expiresAt: issuedAt + week });
  assert.deepEqual(await migrated.findRefreshToken("h3"), live("h3", s1, t0 + 2000));
  // The token the last rotation spent keeps that rotation's facts, which the retry grace needs.
  assert.deepEqual(await migrated.findRefreshToken("h2"), { ...live("h2", s1, t0 + 1000), state: "rotated", rotatedAt: t0 + 2000, rotationNonce: "nonce-h3", successorHash: "h3" });
  // An earlier one reads as rotated without them: its successor is spent, so presenting it is reuse either way.
  assert.deepEqual(await migrated.findRefreshToken("h1"), { ...live("h1", s1, t0), state: "rotated" });
  assert.equal((await migrated.findRefreshRecords("h2")).successor?.hash, "h3");
  assert.equal((await migrated.findRefreshRecords("h1")).successor, null);
  assert.deepEqual(await migrated.findRefreshToken("k1"), live("k1", makeSession("s2", "u1"), t0));
  assert.equal((await migrated.findRefreshRecords("r1")).session?.revokedAt, t0 + 500);
  assert.equal((await migrated.findRefreshToken("r1"))?.state, "live");
  assert.deepEqual(await migrated.findRefreshToken("x1"), { ...live("x1", makeSession("s4", "u1"), t0), state: "rotated" });
  assert.equal(await migrated.findRefreshToken("o1"), null);

  const columns =
    migrated.dialect === "postgres"
      ? await raw<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'refresh_tokens' and table_schema = current_schema() order by ordinal_position`.execute(migrated.db)
      : await raw<{ name: string }>`select name from pragma_table_info('refresh_tokens')`.execute(migrated.db);
  assert.deepEqual(columns.rows.map((row) => row.name), ["hash", "session_id", "user_id", "issued_at", "expires_at"]);
  const indexes =
    migrated.dialect === "postgres"
      ? await raw<{ name: string }>`select indexname as name from pg_indexes where tablename = 'refresh_tokens' and schemaname = current_schema()`.execute(migrated.db)
      : await raw<{ name: string }>`select name from pragma_index_list('refresh_tokens')`.execute(migrated.db);
  assert.deepEqual(indexes.rows.map((row) => row.name).filter((name) => !/pkey|autoindex/.test(name)), []);

  assert.equal(await migrated.rotateRefreshToken(makeRotation(live("h2", s1, t0 + 1000), "h-again", t0 + 3000)), false);
  assert.equal(await migrated.rotateRefreshToken(makeRotation(live("r1", makeSession("s3", "u1"), t0), "r2", t0 + 3000)), false);
  assert.equal(await migrated.rotateRefreshToken(makeRotation(live("x1", makeSession("s4", "u1"), t0), "x3", t0 + 3000)), false);
  assert.equal(await migrated.rotateRefreshToken(makeRotation(live("h3", s1, t0 + 2000), "h4", t0 + 3000)), true);
  assert.equal((await migrated.findRefreshToken("h4"))?.state, "live");
  assert.deepEqual(await migrated.findRefreshToken("h3"), { ...live("h3", s1, t0 + 2000), state: "rotated", rotatedAt: t0 + 3000, rotationNonce: "nonce-h4", successorHash: "h4" });
  assert.equal((await migrated.findRefreshToken("h2"))?.rotatedAt, null);
  assert.equal((await migrated.findSession("s1"))?.lastRefreshedAt, t0 + 3000);
  const kept = await migrated.db.selectFrom("refresh_tokens").select("hash").orderBy("hash").execute();
  assert.deepEqual(kept.map((row) => row.hash), ["h1", "h2", "h3", "h4", "k1", ...(orphan ? ["o1"] : []), "r1", "x1"]);
}
