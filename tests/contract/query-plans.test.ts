// The statements behind every refresh and every authenticated request find their rows by key, on SQLite and on
// PostgreSQL. Dropping a key condition (the session id from the rotation's compare-and-set, say) would keep every
// result right and only make each call scan a table: no other test would notice, and only the bench's growth ratio
// would show it. The statements are the store's own builders, explained as the store compiles them.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type KyselyStore, openStore } from "@tessera/store-kysely";
import { CompiledQuery, sql } from "kysely";
import { createCombinedReadQueries } from "../../packages/store-kysely/src/store/combined-read-queries.ts";
import { prepareQuery } from "../../packages/store-kysely/src/store/prepared-query.ts";
import { postgresRotationQuery, type RotationArgs, swapLiveToken } from "../../packages/store-kysely/src/store/rotate-refresh-token.ts";
import { openInPgSchema } from "../support/pg-schema.ts";

const rotation: RotationArgs = {
  presentedHash: "h1",
  sessionId: "s1",
  rotatedAt: 1,
  rotationNonce: "n1",
  successorHash: "h2",
  successorUserId: "u1",
  successorIssuedAt: 1,
  successorExpiresAt: 2,
};

/** A hot statement and the tables (by name or alias) it must reach by key. */
interface HotStatement {
  readonly name: string;
  readonly query: CompiledQuery;
  readonly tables: readonly string[];
}

function hotStatements(store: KyselyStore): HotStatement[] {
  const reads = createCombinedReadQueries(store.db);
  const rotate =
    store.dialect === "postgres" ? postgresRotationQuery(store.db)(rotation) : prepareQuery<never, RotationArgs>(swapLiveToken(store.db).compile())(rotation);
  return [
    { name: "the rotation's compare-and-set", query: rotate, tables: ["sessions"] },
    { name: "the refresh read", query: reads.refreshRecords({ hash: "h1" }), tables: ["t", "s", "u", "n"] },
    { name: "the session-binding read", query: reads.sessionAndUser({ sessionId: "s1", userId: "u1" }), tables: ["s", "u"] },
    { name: "the static-token read", query: reads.staticTokenAndUser({ hash: "k1" }), tables: ["k", "u"] },
  ];
}

const explain = async (store: KyselyStore, prefix: string, query: CompiledQuery) =>
  (await store.db.executeQuery(CompiledQuery.raw(`${prefix} ${query.sql}`, [...query.parameters]))).rows as Record<string, unknown>[];

/** SQLite's plan names each table it reads as `SEARCH <name> USING ...` (by key) or `SCAN <name>` (every row). */
function assertSqlitePlan(statement: HotStatement, details: readonly string[]): void {
  for (const table of statement.tables) {
    const steps = details.filter((detail) => new RegExp(`^(SEARCH|SCAN) ${table}\\b`).test(detail));
    assert.ok(steps.length > 0, `${statement.name}: ${table} is not in the plan:\n${details.join("\n")}`);
    for (const step of steps) {
      assert.match(step, /^SEARCH \w+ USING (INDEX sqlite_autoindex_\w+|PRIMARY KEY|INTEGER PRIMARY KEY) \(/, `${statement.name} scans ${table}:\n${details.join("\n")}`);
    }
  }
}

test("sqlite: the rotation and the combined reads reach every table by its key", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-plans-"));
  const store = await openStore(`sqlite:${join(dir, "tessera.db")}`);
  try {
    for (const statement of hotStatements(store)) {
      const rows = await explain(store, "explain query plan", statement.query);
      assertSqlitePlan(statement, rows.map((row) => String(row["detail"])));
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const pgUrl = process.env["TEST_PG_URL"];

// With sequential scans priced out, PostgreSQL still plans one wherever no index can serve a condition: on a
// table this small it would otherwise pick one by cost alone, whatever the conditions.
test("postgres: the rotation and the combined reads reach every table by its key", { skip: pgUrl === undefined || pgUrl === "" ? "TEST_PG_URL not set" : false }, async () => {
  const { opened: store, closeAndDrop } = await openInPgSchema(pgUrl as string, "tessera_test", (url) => openStore(url));
  try {
    for (const statement of hotStatements(store)) {
      const plan = await store.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const rows = (await trx.executeQuery(CompiledQuery.raw(`explain ${statement.query.sql}`, [...statement.query.parameters]))).rows as Record<string, unknown>[];
        return rows.map((row) => String(row["QUERY PLAN"]));
      });
      assert.ok(plan.length > 0, `${statement.name}: no plan`);
      for (const line of plan) assert.doesNotMatch(line, /Seq Scan/, `${statement.name} scans a table:\n${plan.join("\n")}`);
      // A primary key (`<table>_pkey`) or a unique one (`<table>_<column>_key`), as an index scan or a bitmap's.
      const byKey = plan.filter((line) => /Index (Only )?Scan (using|on) \w+_(pkey|key)\b/.test(line)).length;
      assert.equal(byKey, statement.tables.length, `${statement.name}: each of ${statement.tables.join(", ")} by a key:\n${plan.join("\n")}`);
    }
  } finally {
    await closeAndDrop();
  }
});
