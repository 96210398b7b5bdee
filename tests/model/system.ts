// The real side of the model run: the service on a chosen store, the tokens it
// handed out (indexed like the model's), a transcript, and what the test has
// observed (ended sessions, newest static tokens), which the invariants use.
import { type Decisions, hashSecret, type PolicyInput, type Store, type UserDirectory } from "@tessera/core";
import { createTestKit, type TestKit } from "@tessera/core/testing";
import { createModel, type Model, type ModelPolicy } from "./model.ts";

/** A store to run the suite on, opened fresh for every run. */
export interface StoreFactory {
  readonly name: string;
  /** Runs per property on this store (SQL stores are slower than the memory store). */
  readonly runs: number;
  open(): Promise<OpenedStore>;
  /** Releases what the factory keeps between runs (a shared database schema), after a property. */
  dispose?(): Promise<void>;
}

/** An opened store and how to dispose of it. */
export interface OpenedStore {
  readonly store: Store;
  /** The user directory that goes with the store (SQL sessions refer to SQL users); memory users otherwise. */
  readonly users?: UserDirectory;
  close(): Promise<void>;
}

/** A deliberately broken service: swapped decisions and/or a store wrapper. */
export interface Variant {
  readonly name: string;
  readonly decisions?: Partial<Decisions>;
  readonly wrapStore?: (store: Store) => Store;
}

/** Everything a command needs on the real side. */
export interface System {
  readonly kit: TestKit;
  /** The store as opened, unwrapped: the invariants read records through it. */
  readonly inspect: Store;
  readonly userIds: readonly string[];
  readonly emails: readonly string[];
  readonly sessionIds: string[];
  readonly sessionUser: number[];
  readonly refresh: string[];
  readonly refreshHashes: string[];
  readonly refreshSession: number[];
  readonly access: string[];
  readonly accessSession: number[];
  readonly statics: string[];
  readonly staticUser: number[];
  /** One line per command: what was asked and what came back, tokens included. */
  readonly transcript: string[];
  /** Facts the test observed from answers, independent of the model. */
  readonly seen: {
    readonly endedSessions: Set<number>;
    readonly newestStatic: (number | null)[];
    readonly active: boolean[];
  };
}

/** Options of {@link createSystem}. */
export interface SystemOptions {
  readonly seed: number;
  readonly policy: ModelPolicy;
  readonly store: Store;
  readonly users?: UserDirectory;
  readonly variant?: Variant;
  /** Wraps the (possibly broken) store once more, e.g. to let a scheduler interleave its calls. */
  readonly schedule?: (store: Store) => Store;
}

/** The number of users every run starts with. */
export const userCount = 2;
const start = 1_767_225_600_000;

/** The policy as the service takes it; login limits are lifted so that they never interfere. */
export function policyInput(policy: ModelPolicy): PolicyInput {
  return {
    accessTokenTtl: policy.accessTtlMs,
    refreshTokenTtl: policy.refreshTtlMs,
    reuseGrace: policy.graceMs,
    sessionMaxAge: policy.sessionMaxAgeMs,
    loginAttemptsPerAddress: 1_000_000,
    loginFailuresPerAccountAndAddress: 1_000_000,
  };
}

/** Builds the service and the matching model, with `userCount` active users. */
export async function createSystem(options: SystemOptions): Promise<{ model: Model; real: System }> {
  const broken = options.variant?.wrapStore?.(options.store) ?? options.store;
  const decisions = options.variant?.decisions;
  const kit = createTestKit({
    seed: options.seed,
    policy: policyInput(options.policy),
    store: options.schedule?.(broken) ?? broken,
    ...(options.users === undefined ? {} : { users: options.users }),
    ...(decisions === undefined ? {} : { decisions }),
  });
  kit.clock.set(start);
  const userIds: string[] = [];
  const emails: string[] = [];
  for (let i = 0; i < userCount; i++) {
    const email = `user${i}@example.com`;
    const created = await kit.tessera.createUser({ email, password: passwordOf(i) });
    if (!created.ok) throw new Error(`setting up user ${i} failed: ${created.reason}`);
    userIds.push(created.value.id);
    emails.push(email);
  }
  const real: System = {
    kit,
    inspect: options.store,
    userIds,
    emails,
    sessionIds: [],
    sessionUser: [],
    refresh: [],
    refreshHashes: [],
    refreshSession: [],
    access: [],
    accessSession: [],
    statics: [],
    staticUser: [],
    transcript: [],
    seen: { endedSessions: new Set(), newestStatic: userIds.map(() => null), active: userIds.map(() => true) },
  };
  return { model: createModel(options.policy, start, userCount), real };
}

/** The `users` option of {@link createSystem} for an opened store: its own directory, if it has one. */
export function usersOf(opened: OpenedStore): { readonly users?: UserDirectory } {
  return opened.users === undefined ? {} : { users: opened.users };
}

/** The password of user `i`. */
export const passwordOf = (i: number): string => `password of user ${i}`;

/** Records a refresh token the service handed out, under the next index. */
export async function recordRefreshToken(s: System, token: string, session: number): Promise<void> {
  s.refresh.push(token);
  s.refreshHashes.push(await hashSecret(token, s.kit.crypto));
  s.refreshSession.push(session);
}

/** Records an access token the service handed out, under the next index. */
export function recordAccessToken(s: System, token: string, session: number): void {
  s.access.push(token);
  s.accessSession.push(session);
}
