// The model-based suite on the memory store, with the full run count.
import { memoryStoreFactory } from "./memory-store-factory.ts";
import { registerSuite } from "./register-suite.ts";

registerSuite(memoryStoreFactory, "tests/model/memory-store.test.ts");
