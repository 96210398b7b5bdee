import { openStore } from "@tessera/store-kysely";
import pg from "pg";
import { testStoreContract } from "./store-contract.ts";

const url = process.env["TEST_PG_URL"];

// Each test gets a schema of its own (via search_path), dropped afterwards,
// so runtimes and test files running at once never see each other's rows.
function inSchema(base: string, schema: string): string {
  return `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function admin<T>(base: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

testStoreContract(
  "postgres",
  async () => {
    const base = url as string;
    const schema = `tessera_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
    await admin(base, (client) => client.query(`create schema ${schema}`));
    const schemaUrl = inSchema(base, schema);
    const store = await openStore(schemaUrl);
    return {
      store,
      users: store,
      rateLimiter: store,
      sql: store,
      openSecond: () => openStore(schemaUrl),
      async close() {
        await store.close();
        await admin(base, (client) => client.query(`drop schema ${schema} cascade`));
      },
    };
  },
  url === undefined || url === "" ? { sql: true, skip: "TEST_PG_URL not set" } : { sql: true },
);
