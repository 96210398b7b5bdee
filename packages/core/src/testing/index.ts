/**
 * Test and embedding helpers: a memory store and user directory, a manual
 * clock, a seeded random source and a fast test-only password hasher.
 * @module
 */
export { createManualClock, type ManualClock } from "./manual-clock.ts";
export { createMemoryStore, type MemoryStore, type StoreSnapshot } from "./memory-store.ts";
export { createMemoryUserDirectory } from "./memory-user-directory.ts";
export { createSeededRandom } from "./seeded-random.ts";
export { type CountingPasswordHasher, createTestPasswordHasher } from "./test-password-hasher.ts";
export { createTestKit, type TestKit, type TestKitOptions } from "./test-kit.ts";
export { createScenario, type Scenario } from "./scenario.ts";
