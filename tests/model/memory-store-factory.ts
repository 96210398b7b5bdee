import { createMemoryStore } from "@tessera/core/testing";
import { runsFor } from "./run-config.ts";
import type { StoreFactory } from "./system.ts";

/** The memory store, fresh for every run: the reference store, with the full run count. */
export const memoryStoreFactory: StoreFactory = {
  name: "memory",
  runs: runsFor(500),
  async open() {
    return { store: createMemoryStore(), close: async () => {} };
  },
};
