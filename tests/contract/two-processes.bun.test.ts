// Single use under real concurrency: two reference-server processes on one
// database, 50 refreshes of one token fired at once across both. Only the
// database's compare-and-set stands between them, so exactly one rotation
// may happen, whatever the interleaving.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createOsloCrypto, hashSecret } from "@tessera/core";
import { type KyselyStore, openStore } from "@tessera/store-kysely";
import { sql } from "kysely";
import { type SpawnedServer, serverEnv, spawnServer, tempDataDir } from "../http/spawn-server.ts";
import { withPgSchema } from "../support/pg-schema.ts";

const concurrentRefreshes = 50;
const admin = { email: "admin@example.com", password: "two-processes-password" };
const crypto = createOsloCrypto();

interface Reply {
  readonly status: number;
  readonly body: { data?: { access_token: string; refresh_token: string }; errors?: Array<{ extensions: { code: string } }> };
}

async function post(url: string, body: unknown): Promise<Reply> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? {} : await response.json() };
}

const sessionIdOf = (accessToken: string): string => JSON.parse(Buffer.from(accessToken.split(".")[1] as string, "base64url").toString()).sid;

/** The session's refresh tokens as the database holds them, each read through the store (its state is its session's). */
async function tokensOf(store: KyselyStore, sessionId: string) {
  const result = await sql<{ hash: string }>`select hash from refresh_tokens where session_id = ${sessionId} order by issued_at, hash`.execute(store.db);
  return Promise.all(
    result.rows.map(async ({ hash }) => {
      const record = await store.findRefreshToken(hash);
      return { hash, state: record?.state, successor_hash: record?.successorHash };
    }),
  );
}

/**
 * Starts two servers on `databaseUrl` (one after the other, so that the first
 * run's admin and signing key are created once), races the refreshes, and
 * checks the replies and, through a store of its own on the same database, the rows.
 */
async function raceTwoServers(databaseUrl: string, home: string): Promise<{ ok: number; refused: number }> {
  const env = serverEnv(home, {
    DATABASE_URL: databaseUrl,
    SECRET: "a shared secret of both server processes, 32+ chars",
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    TESSERA_REQUEST_LOG: "false",
  });
  const servers: SpawnedServer[] = [];
  let store: KyselyStore | undefined;
  try {
    servers.push(await spawnServer(env));
    servers.push(await spawnServer(env));
    const [a, b] = servers as [SpawnedServer, SpawnedServer];
    const login = await post(`${a.url}/auth/login`, admin);
    assert.equal(login.status, 200);
    const original = login.body.data?.refresh_token as string;
    const sessionId = sessionIdOf(login.body.data?.access_token as string);

    const replies = await Promise.all(
      Array.from({ length: concurrentRefreshes }, (_, i) => post(`${(i % 2 === 0 ? a : b).url}/auth/refresh`, { refresh_token: original })),
    );
    const ok = replies.filter((reply) => reply.status === 200);
    const refused = replies.filter((reply) => reply.status === 401);
    assert.equal(ok.length + refused.length, concurrentRefreshes, `statuses: ${replies.map((reply) => reply.status).join(",")}`);
    assert.ok(ok.length >= 1, "one refresh rotated the token");
    for (const reply of refused) assert.equal(reply.body.errors?.[0]?.extensions.code, "INVALID_CREDENTIALS");
    const successors = new Set(ok.map((reply) => reply.body.data?.refresh_token));
    assert.equal(successors.size, 1, "every 200 carries the same successor");
    const successor = [...successors][0] as string;
    assert.notEqual(successor, original);

    store = await openStore(databaseUrl);
    const [originalHash, successorHash] = [await hashSecret(original, crypto), await hashSecret(successor, crypto)];
    assert.deepEqual(await tokensOf(store, sessionId), [
      { hash: originalHash, state: "rotated", successor_hash: successorHash },
      { hash: successorHash, state: "live", successor_hash: null },
    ]);
    assert.equal((await store.findSession(sessionId))?.revokedAt, null);

    // Each server accepts an access token the other issued, and the successor refreshes.
    for (const [index, reply] of ok.entries()) {
      const server = index % 2 === 0 ? b : a;
      const me = await fetch(`${server.url}/users/me`, { headers: { authorization: `Bearer ${reply.body.data?.access_token}` } });
      assert.equal(me.status, 200);
    }
    const next = await post(`${b.url}/auth/refresh`, { refresh_token: successor });
    assert.equal(next.status, 200);
    const third = next.body.data?.refresh_token as string;
    assert.ok(third !== successor && third !== original);
    const after = await tokensOf(store, sessionId);
    assert.equal(after.length, 3);
    assert.deepEqual(after.filter((row) => row.state === "live").map((row) => row.hash), [await hashSecret(third, crypto)]);
    return { ok: ok.length, refused: refused.length };
  } finally {
    await store?.close();
    for (const server of servers) assert.equal(await server.stop(), 0, server.output());
  }
}

test("two server processes on one SQLite file: 50 concurrent refreshes of one token rotate it exactly once", async () => {
  const dir = tempDataDir("tessera-two-processes-");
  const url = `sqlite:${join(dir, "tessera.db")}`;
  try {
    const counts = await raceTwoServers(url, dir);
    console.log(`sqlite: ${counts.ok} x 200, ${counts.refused} x 401`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const pgUrl = process.env["TEST_PG_URL"];
const pgTitle = "two server processes on one PostgreSQL database: 50 concurrent refreshes of one token rotate it exactly once";

if (pgUrl === undefined || pgUrl === "") {
  test.skip(`${pgTitle} (skipped: TEST_PG_URL not set)`, () => {});
} else {
  test(pgTitle, async () => {
    const dir = tempDataDir("tessera-two-processes-");
    try {
      await withPgSchema(pgUrl, "tessera_two", async (url) => {
        const counts = await raceTwoServers(url, dir);
        console.log(`postgres: ${counts.ok} x 200, ${counts.refused} x 401`);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
