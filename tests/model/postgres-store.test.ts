// The same model-based suite on the PostgreSQL store, when TEST_PG_URL names a server.
import process from "node:process";
import { test } from "node:test";
import { propertyNames, registerSuite } from "./register-suite.ts";
import { createPostgresStoreFactory } from "./sql-store-factories.ts";

const url = process.env["TEST_PG_URL"];

if (url === undefined || url === "") {
  for (const name of Object.values(propertyNames("postgres"))) test.skip(`${name} (skipped: TEST_PG_URL not set)`, () => {});
} else {
  registerSuite(createPostgresStoreFactory(url), "tests/model/postgres-store.test.ts");
}
