import type { CombinedReads, RateLimiter, Store, UserDirectory } from "@tessera/core";
import { type Kysely, sql } from "kysely";
import { createPrune, type PruneOptions } from "./store/prune.ts";
import { createRecordLookUps } from "./store/record-look-ups.ts";
import { createSessionStore } from "./store/session-store.ts";
import { createSigningKeyStore, type SigningKeyStore } from "./store/signing-keys.ts";
import { createSqlRateLimiter } from "./store/sql-rate-limiter.ts";
import type { SqlDialect } from "./store/sql-dialect.ts";
import { createSqliteSyncRunner } from "./store/sqlite-sync-runner.ts";
import { createStaticTokenStore } from "./store/static-token-store.ts";
import { guard } from "./store/store-faults.ts";
import { createSqlUserDirectory } from "./store/user-directory.ts";
import type { TesseraDatabase } from "./tessera-database.ts";

/** The SQL store: the core's Store, UserDirectory and RateLimiter ports, plus upkeep. */
export interface KyselyStore extends Store, UserDirectory, CombinedReads, RateLimiter, SigningKeyStore {
  readonly db: Kysely<TesseraDatabase>;
  readonly dialect: SqlDialect;
  /** Deletes expired and revoked sessions (with their tokens), rotated tokens past use, stale rate-limit windows, in batches. */
  prune(now: number, options?: PruneOptions): Promise<{ deleted: number }>;
  /** True when the database answers a trivial query; never throws. */
  ping(): Promise<boolean>;
  /** Closes the connection or pool. */
  close(): Promise<void>;
}

type Methods = Omit<KyselyStore, "db" | "dialect">;

/**
 * Builds the store on a migrated database (see `migrateToLatest`). Queries
 * on the hot paths are compiled here, once. Driver failures surface as
 * `StoreError` with the driver's error as `cause`.
 *
 * @example
 * const db = new Kysely<TesseraDatabase>({ dialect: createPostgresDialect(process.env.DATABASE_URL) });
 * await migrateToLatest(db);
 * const store = createKyselyStore(db, "postgres");
 * const tessera = createTessera({ store, users: store, rateLimiter: store, ... });
 */
export function createKyselyStore(db: Kysely<TesseraDatabase>, dialect: SqlDialect): KyselyStore {
  // One runner for the whole store: it finds out once whether the connection offers synchronous statements.
  const runSync = createSqliteSyncRunner(db);
  const lookUps = createRecordLookUps(db, runSync);
  const methods: Methods = {
    ...createSessionStore(db, dialect, lookUps, runSync),
    ...createStaticTokenStore(db, lookUps),
    ...createSqlUserDirectory(db, lookUps),
    findSessionAndUser: lookUps.findSessionAndUser,
    findRefreshRecords: lookUps.findRefreshRecords,
    findStaticTokenAndUser: lookUps.findStaticTokenAndUser,
    ...createSqlRateLimiter(db),
    ...createSigningKeyStore(db),
    prune: createPrune(db),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
  const guarded = Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, guard(name, method as (...args: unknown[]) => Promise<unknown>)]));
  return { db, dialect, ...(guarded as Methods) };
}
