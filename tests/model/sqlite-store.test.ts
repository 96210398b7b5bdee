// The same model-based suite on the SQLite store (in memory, fresh per run).
import { registerSuite } from "./register-suite.ts";
import { sqliteStoreFactory } from "./sql-store-factories.ts";

registerSuite(sqliteStoreFactory, "tests/model/sqlite-store.test.ts");
