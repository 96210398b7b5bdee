import { openStore } from "@tessera/store-kysely";
import { openInPgSchema } from "../support/pg-schema.ts";
import { testStoreContract } from "./store-contract.ts";

const url = process.env["TEST_PG_URL"];

// Each test gets a schema of its own, dropped afterwards (or at once, when the store does not open).
testStoreContract(
  "postgres",
  async () => {
    const { opened: store, url: schemaUrl, closeAndDrop } = await openInPgSchema(url as string, "tessera_test", (schemaUrl) => openStore(schemaUrl));
    return {
      store,
      users: store,
      rateLimiter: store,
      sql: store,
      openSecond: () => openStore(schemaUrl),
      close: closeAndDrop,
    };
  },
  url === undefined || url === "" ? { sql: true, skip: "TEST_PG_URL not set" } : { sql: true },
);
