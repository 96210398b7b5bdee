import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@tessera/store-kysely";
import { testStoreContract } from "./store-contract.ts";

// openStore picks the runtime's binding: bun:sqlite on Bun, node:sqlite on
// Deno, better-sqlite3 on Node; each test gets its own temporary file.
testStoreContract(
  "sqlite",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-contract-"));
    const url = `sqlite:${join(dir, "nested", "tessera.db")}`;
    const store = await openStore(url);
    return {
      store,
      users: store,
      rateLimiter: store,
      sql: store,
      openSecond: () => openStore(url),
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { sql: true },
);
