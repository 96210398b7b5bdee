import { benchStores } from "../fixtures/bench-stores.ts";
import { createBenchKit } from "../fixtures/bench-kit.ts";
import { createBenchOperations } from "../fixtures/bench-operations.ts";
import { createFetchHandler } from "@tessera/fetch";
import type { KyselyStore } from "@tessera/store-kysely";
import { sql } from "kysely";
import { measure } from "../harness/measure.ts";
import { measureRawBunSqliteRotation, measureStoreRotation } from "./rotation-floor.ts";
import { currentRuntime, syncCryptoPorts } from "../runtime.ts";
import type { GroupOptions } from "./group-options.ts";
import type { GroupResult, NamedFigure, NamedRatio, Unavailable } from "./group-result.ts";

/** The server's durability settings, which decide what a commit costs. */
async function postgresDurability(store: KyselyStore): Promise<string> {
  const read = async (name: string) => (await sql.raw<{ value: string }>(`select current_setting('${name}') as value`).execute(store.db)).rows[0]?.value ?? "?";
  return `synchronous_commit=${await read("synchronous_commit")}, fsync=${await read("fsync")}, server ${await read("server_version")}`;
}

/**
 * Issue a pair, rotate a refresh token, verify an access token (session
 * binding) and verify a static token, on the memory store, SQLite
 * (synchronous=NORMAL and FULL) and PostgreSQL, with the runtime's first synchronous crypto port.
 *
 * @example
 * const result = await runStoreGroup(options);
 */
export async function runStoreGroup(options: GroupOptions): Promise<GroupResult> {
  const [crypto] = await syncCryptoPorts();
  if (crypto === undefined) throw new Error("no synchronous crypto port on this runtime");
  const { stores, unavailable: missing } = await benchStores(options.workDir, options.pgUrl, "store");
  const figures: NamedFigure[] = [];
  const notes = ["issue pair = login with a one-SHA-256 test hasher in place of argon2id (login minus password hashing)"];
  const unavailable: Unavailable[] = missing.map((m) => ({ name: `store ${m.name}`, why: m.why }));
  for (const bench of stores) {
    let opened;
    try {
      opened = await bench.open();
    } catch (error) {
      unavailable.push({ name: `store ${bench.name}`, why: `could not open: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    try {
      const kit = await createBenchKit({ crypto: crypto.crypto, store: opened.store, users: opened.users, ...(opened.rateLimiter ? { rateLimiter: opened.rateLimiter } : {}) });
      const ops = await createBenchOperations(kit);
      if (opened.sql?.dialect === "postgres") notes.push(`postgres: ${await postgresDurability(opened.sql)}`);
      const detail = `${bench.detail}; crypto ${crypto.name}`;
      for (const [op, run] of [["issue pair", ops.issuePair], ["rotate refresh", ops.rotate], ["verify access (session)", ops.verifyAccess], ["verify static", ops.verifyStatic]] as const) {
        figures.push({ name: `${op} @ ${bench.name}`, detail, ...(await measure(run, options.measure)) });
      }
      // Where the time goes: single store calls, the store's rotation alone, and the whole HTTP route without a socket.
      const lookups = [
        ["store.findSession", () => opened.store.findSession(ops.sessionId)],
        ["users.findUserById", () => opened.users.findUserById(kit.userId)],
      ] as const;
      for (const [op, run] of lookups) figures.push({ name: `${op} alone @ ${bench.name}`, detail, ...(await measure(run, options.measure)) });
      figures.push({ name: `store.rotateRefreshToken alone @ ${bench.name}`, detail, ...(await measureStoreRotation(opened.store, options.measure)) });
      const handler = createFetchHandler(kit.tessera);
      const me = new Request("http://127.0.0.1/users/me", { headers: { Authorization: `Bearer ${ops.accessToken}` } });
      const getMe = async () => {
        const response = await handler(me.clone());
        if (response.status !== 200) throw new Error(`GET /users/me answered ${response.status}`);
        await response.arrayBuffer();
      };
      figures.push({ name: `fetch handler GET /users/me (session), no socket @ ${bench.name}`, detail, ...(await measure(getMe, options.measure)) });
      if (bench.sqlitePath !== undefined && bench.synchronous !== undefined && currentRuntime().name === "bun") {
        // A second connection to the same file, as a second process would have.
        const raw = await measureRawBunSqliteRotation(opened.store, bench.sqlitePath, bench.synchronous, options.measure);
        figures.push({ ...raw, name: `raw bun:sqlite rotation transaction @ ${bench.name}`, detail: `${bench.detail}; the store's two statements, prepared, no Kysely` });
      }
    } finally {
      await opened.close();
    }
  }
  const rate = (name: string) => figures.find((f) => f.name === name)?.opsPerSec;
  const ratios: NamedRatio[] = [];
  const normal = rate("rotate refresh @ sqlite");
  const full = rate("rotate refresh @ sqlite FULL");
  if (normal !== undefined && full !== undefined) {
    // Not interleaved: the two files are measured one after the other in this run.
    ratios.push({ name: "rotation NORMAL / FULL", of: "rotate refresh @ sqlite", to: "rotate refresh @ sqlite FULL", value: normal / full });
  }
  for (const store of ["sqlite", "sqlite FULL"]) {
    const raw = rate(`raw bun:sqlite rotation transaction @ ${store}`);
    const kysely = rate(`store.rotateRefreshToken alone @ ${store}`);
    if (raw !== undefined && kysely !== undefined) {
      ratios.push({ name: `raw bun:sqlite / Kysely store rotation @ ${store}`, of: `raw bun:sqlite rotation transaction @ ${store}`, to: `store.rotateRefreshToken alone @ ${store}`, value: raw / kysely });
    }
  }
  return {
    group: "store",
    runtime: currentRuntime(),
    figures,
    ratios,
    unavailable,
    notes,
  };
}
