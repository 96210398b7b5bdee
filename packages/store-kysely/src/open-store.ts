import { ConfigError } from "@tessera/core";
import { type Dialect, Kysely } from "kysely";
import { createKyselyStore, type KyselyStore } from "./create-kysely-store.ts";
import { migrateToLatest } from "./migrate-to-latest.ts";
import { isMemoryPath } from "./sqlite/sqlite-options.ts";
import type { TesseraDatabase } from "./tessera-database.ts";

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** SQLite only: `NORMAL` (default) survives a process crash, `FULL` also a power loss. */
  readonly synchronous?: "NORMAL" | "FULL";
  /**
   * SQLite file on Bun only: run WAL checkpoints on a worker thread of their
   * own (see `startBackgroundCheckpoints`), stopped by the store's `close()`.
   * For a long-running server; a short-lived process (the CLI) leaves it off.
   */
  readonly backgroundCheckpoints?: boolean;
}

type Runtime = "bun" | "deno" | "node";

const currentRuntime = (): Runtime => ("Bun" in globalThis ? "bun" : "Deno" in globalThis ? "deno" : "node");

// Each SQLite binding sits behind its own entry, imported only on the runtime
// that has it: Node must never resolve bun:sqlite, Deno cannot load
// better-sqlite3's nan addon, and Node 20 has no node:sqlite.
async function sqliteDialect(path: string, options: OpenStoreOptions): Promise<Dialect> {
  const sqlite = options.synchronous === undefined ? {} : { synchronous: options.synchronous };
  switch (currentRuntime()) {
    case "bun":
      return (await import("./bun-sqlite.ts")).createBunSqliteDialect(path, sqlite);
    case "deno":
      return (await import("./node-sqlite.ts")).createNodeSqliteDialect(path, sqlite);
    case "node":
      return (await import("./better-sqlite3.ts")).createBetterSqlite3Dialect(path, sqlite);
  }
}

/** Where a store URL points. */
function parseStoreUrl(url: string): { readonly dialect: "postgres"; readonly url: string } | { readonly dialect: "sqlite"; readonly path: string } {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", url };
  const path = url.startsWith("sqlite:") ? url.slice("sqlite:".length) : url;
  if (path === "" || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) throw new ConfigError("database", "expected sqlite:PATH, sqlite::memory:, a file path or postgres://...");
  return { dialect: "sqlite", path };
}

/**
 * Opens the store a URL names, migrated and ready: `postgres://...` for
 * several server instances; `sqlite:PATH`, a bare path or `sqlite::memory:`
 * for one. SQLite uses bun:sqlite on Bun, node:sqlite on Deno and
 * better-sqlite3 on Node, in WAL mode with busy_timeout and foreign keys on,
 * and creates the file's directory.
 *
 * @example
 * const store = await openStore("sqlite:data/tessera.db");
 * const tessera = createTessera({ store, users: store, rateLimiter: store, ... });
 * // ...
 * await store.close();
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<KyselyStore> {
  const target = parseStoreUrl(url);
  const dialect = target.dialect === "postgres" ? (await import("./postgres.ts")).createPostgresDialect(target.url) : await sqliteDialect(target.path, options);
  const db = new Kysely<TesseraDatabase>({ dialect });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const store = createKyselyStore(db, target.dialect);
  if (options.backgroundCheckpoints !== true || target.dialect !== "sqlite" || isMemoryPath(target.path) || currentRuntime() !== "bun") return store;
  const checkpoints = (await import("./bun-sqlite.ts")).startBackgroundCheckpoints(target.path);
  return {
    ...store,
    async close() {
      await checkpoints.stop();
      await store.close();
    },
  };
}
