import { test } from "node:test";
import { registerDirectoryTests } from "./directory-contract.ts";
import type { StoreFactory, StoreUnderTest } from "./fixtures.ts";
import { registerScenarioTests } from "./scenario-contract.ts";
import { registerSqlTests } from "./sql-contract.ts";
import { registerStorePortTests } from "./store-port-contract.ts";

export type { StoreFactory, StoreUnderTest } from "./fixtures.ts";

/** Registers one named test that runs `body` on a fresh store. */
export type Register = (title: string, body: (store: StoreUnderTest) => Promise<void>) => void;

/** Options of {@link testStoreContract}. */
export interface StoreContractOptions {
  /** Also run what only SQL stores offer (second connection, prune, signing keys, ping). */
  readonly sql?: boolean;
  /** Register every test as skipped, with this reason in its name. */
  readonly skip?: string;
}

/**
 * The one store contract suite (after better-auth's `testAdapter`): registers
 * a flat, named test per behaviour, each on a fresh store from `factory`, so
 * the memory store, SQLite and PostgreSQL are held to the same rules.
 *
 * @example
 * testStoreContract("memory", async () => ({ store: createMemoryStore(), ... }));
 */
export function testStoreContract(name: string, factory: StoreFactory, options: StoreContractOptions = {}): void {
  const register: Register = (title, body) => {
    const fullTitle = `${name}: ${title}`;
    if (options.skip !== undefined) {
      test.skip(`${fullTitle} (skipped: ${options.skip})`, () => {});
      return;
    }
    test(fullTitle, async () => {
      const subject = await factory();
      try {
        await body(subject);
      } finally {
        await subject.close();
      }
    });
  };
  registerStorePortTests(register);
  registerDirectoryTests(register);
  registerScenarioTests(register);
  if (options.sql === true) registerSqlTests(register);
}
