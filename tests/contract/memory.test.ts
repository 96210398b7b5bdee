import { createMemoryRateLimiter } from "@tessera/core";
import { createMemoryStore, createMemoryUserDirectory } from "@tessera/core/testing";
import { testStoreContract } from "./store-contract.ts";

testStoreContract("memory", async () => ({
  store: createMemoryStore(),
  users: createMemoryUserDirectory(),
  rateLimiter: createMemoryRateLimiter(),
  close: async () => {},
}));
