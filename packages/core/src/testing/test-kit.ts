import { createTessera, type Tessera } from "../create-tessera.ts";
import type { Decisions } from "../decisions/decisions.ts";
import type { TesseraEvent } from "../events.ts";
import { createKeyring, generateHmacKey, type Keyring } from "../jwt/keyring.ts";
import { createOsloCrypto } from "../oslo-crypto.ts";
import type { PolicyInput } from "../policy.ts";
import type { CryptoPort } from "../ports/crypto.ts";
import type { Random } from "../ports/random.ts";
import type { Store } from "../ports/store.ts";
import type { UserDirectory } from "../ports/user-directory.ts";
import { createManualClock, type ManualClock } from "./manual-clock.ts";
import { createMemoryStore, type MemoryStore } from "./memory-store.ts";
import { createMemoryUserDirectory } from "./memory-user-directory.ts";
import { createSeededRandom } from "./seeded-random.ts";
import { type CountingPasswordHasher, createTestPasswordHasher } from "./test-password-hasher.ts";

/** Options of {@link createTestKit}; every port can be swapped (a SQL store, WebCrypto, ...). */
export interface TestKitOptions {
  readonly seed?: number;
  readonly policy?: PolicyInput;
  readonly crypto?: CryptoPort;
  readonly store?: Store;
  readonly users?: UserDirectory;
  readonly clock?: ManualClock;
  readonly random?: Random;
  /** Swapped decision functions, only for proving that a test catches a broken rule. */
  readonly decisions?: Partial<Decisions>;
}

/** A Tessera wired to test ports, with handles on each of them. */
export interface TestKit<S extends Store = Store> {
  readonly tessera: Tessera;
  readonly clock: ManualClock;
  readonly random: Random;
  readonly crypto: CryptoPort;
  readonly store: S;
  readonly users: UserDirectory;
  readonly passwords: CountingPasswordHasher;
  keyring: Keyring;
  /** Every event emitted, in order. */
  readonly events: TesseraEvent[];
}

/**
 * Builds a Tessera on a manual clock, a seeded random source, pure-JS crypto and
 * memory stores: fully deterministic for a given seed and command sequence.
 * Without a `store` option the kit's store is typed as the memory store it
 * builds, so tests can read its snapshot.
 *
 * @example
 * const kit = createTestKit({ seed: 7, policy: { reuseGrace: "10s" } });
 * await kit.tessera.createUser({ email: "ada@example.com", password: "pw" });
 */
export function createTestKit<S extends Store = MemoryStore>(options: TestKitOptions & { readonly store?: S } = {}): TestKit<S> {
  const random = options.random ?? createSeededRandom(options.seed ?? 1);
  const crypto = options.crypto ?? createOsloCrypto();
  const clock = options.clock ?? createManualClock();
  const store = (options.store ?? createMemoryStore()) as S;
  const users = options.users ?? createMemoryUserDirectory();
  const passwords = createTestPasswordHasher(crypto);
  const events: TesseraEvent[] = [];
  const kit: TestKit<S> = {
    clock,
    random,
    crypto,
    store,
    users,
    passwords,
    events,
    keyring: createKeyring(generateHmacKey(random)),
    tessera: undefined as unknown as Tessera,
  };
  const tessera = createTessera({
    clock,
    random,
    crypto,
    store,
    users,
    passwords,
    keys: () => kit.keyring,
    onEvent: (event) => events.push(event),
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    ...(options.decisions === undefined ? {} : { decisions: options.decisions }),
  });
  return Object.assign(kit, { tessera });
}
