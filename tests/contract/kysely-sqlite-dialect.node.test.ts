import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKyselyStore, migrateToLatest, type TesseraDatabase } from "@tessera/store-kysely";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { testStoreContract } from "./store-contract.ts";

// A caller's own Kysely on Kysely's SqliteDialect: the store cannot use the
// synchronous statements of Tessera's driver there and takes its Kysely
// transactions instead, which must keep every rule.
testStoreContract("sqlite on Kysely's SqliteDialect", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-contract-"));
  const database = new Database(join(dir, "tessera.db"));
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  const db = new Kysely<TesseraDatabase>({ dialect: new SqliteDialect({ database }) });
  await migrateToLatest(db);
  const store = createKyselyStore(db, "sqlite");
  return {
    store,
    users: store,
    rateLimiter: store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
