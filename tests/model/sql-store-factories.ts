// The SQL stores of @tessera/store-kysely, for running the same suite on them.
import { type KyselyStore, openStore } from "@tessera/store-kysely";
import { type OpenedInPgSchema, openInPgSchema } from "../support/pg-schema.ts";
import { runsFor } from "./run-config.ts";
import type { StoreFactory } from "./system.ts";

/**
 * SQLite in memory (bun:sqlite on Bun, node:sqlite on Deno, better-sqlite3 on
 * Node), migrated afresh for every run. Every query is a real SQL round trip,
 * so it gets 100 runs per property instead of 500.
 */
export const sqliteStoreFactory: StoreFactory = {
  name: "sqlite",
  runs: runsFor(100),
  async open() {
    const store = await openStore("sqlite::memory:");
    return { store, users: store, close: () => store.close() };
  },
};

/**
 * PostgreSQL in a schema of its own (so that runtimes and test files running
 * at once never meet), created on the first run and emptied before each next
 * one: a fresh schema per run would cost ten times as much. Each command is
 * a dozen or more round trips to the server, so it gets 30 runs per property.
 */
export function createPostgresStoreFactory(url: string): StoreFactory {
  let shared: OpenedInPgSchema<KyselyStore> | null = null;
  return {
    name: "postgres",
    runs: runsFor(30),
    async open() {
      // A schema that fails to open is dropped at once: otherwise every later run would create (and leak) one of its own.
      shared ??= await openInPgSchema(url, "tessera_model", (schemaUrl) => openStore(schemaUrl));
      const store = shared.opened;
      for (const table of ["refresh_tokens", "static_tokens", "sessions", "users", "rate_limits", "signing_keys"] as const) await store.db.deleteFrom(table).execute();
      return { store, users: store, close: async () => {} };
    },
    async dispose() {
      if (shared === null) return;
      const { closeAndDrop } = shared;
      shared = null;
      await closeAndDrop();
    },
  };
}
