// The SQL stores of @tessera/store-kysely, for running the same suite on them.
import pg from "pg";
import { type KyselyStore, openStore } from "@tessera/store-kysely";
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

async function onAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL in a schema of its own (so that runtimes and test files running
 * at once never meet), created on the first run and emptied before each next
 * one: a fresh schema per run would cost ten times as much. Each command is
 * a dozen or more round trips to the server, so it gets 30 runs per property.
 */
export function createPostgresStoreFactory(url: string): StoreFactory {
  let shared: { readonly store: KyselyStore; readonly schema: string } | null = null;
  const connect = async () => {
    const schema = `tessera_model_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
    await onAdmin(url, `create schema ${schema}`);
    const options = encodeURIComponent(`-c search_path=${schema}`);
    try {
      return { store: await openStore(`${url}${url.includes("?") ? "&" : "?"}options=${options}`), schema };
    } catch (error) {
      // Otherwise every later run would create (and leak) a schema of its own.
      await onAdmin(url, `drop schema ${schema} cascade`);
      throw error;
    }
  };
  return {
    name: "postgres",
    runs: runsFor(30),
    async open() {
      shared ??= await connect();
      const { db } = shared.store;
      for (const table of ["refresh_tokens", "static_tokens", "sessions", "users", "rate_limits", "signing_keys"] as const) await db.deleteFrom(table).execute();
      return { store: shared.store, users: shared.store, close: async () => {} };
    },
    async dispose() {
      if (shared === null) return;
      const { store, schema } = shared;
      shared = null;
      await store.close();
      await onAdmin(url, `drop schema ${schema} cascade`);
    },
  };
}
