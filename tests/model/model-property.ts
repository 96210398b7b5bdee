// The model-based property: random command sequences against the reference
// model and the real service on one store, invariants after every command.
import fc from "fast-check";
import { rotationCommands } from "./commands/index.ts";
import type { Model, ModelPolicy } from "./model.ts";
import { createSystem, usersOf, type StoreFactory, type System, type Variant } from "./system.ts";

/** What a property runs against: a store, and optionally a broken variant of the service. */
export interface Target {
  readonly factory: StoreFactory;
  readonly variant?: Variant;
  /** A printed command sequence to replay (see `commandsReplayPath`). */
  readonly replayPath?: string;
}

/** A sequence of model commands. */
export type Commands = Iterable<fc.AsyncCommand<Model, System>>;

/**
 * The small policy of every run: 60 s access, 10 min refresh, 10 s grace, and a
 * session cap that is absent, shorter than a refresh token's life (so that it
 * clips every expiry) or longer (so that only late rotations are clipped).
 * Every boundary is then a few commands away.
 */
export const modelPolicies: fc.Arbitrary<ModelPolicy> = fc.constantFrom(null, 150_000, 1_500_000).map((sessionMaxAgeMs) => ({
  accessTtlMs: 60_000,
  refreshTtlMs: 600_000,
  graceMs: 10_000,
  sessionMaxAgeMs,
}));

/** Longest command sequence of a run: long enough for rotations of rotations, short enough for 500 runs. */
export const maxCommands = 100;

/** What one run leaves behind, for comparing two runs. */
export interface RunRecord {
  readonly transcript: readonly string[];
  readonly events: string;
  /** The store's full contents, when the store can list them (the memory store). */
  readonly contents: string | null;
}

/** Runs one command sequence on a fresh store: model and service side by side, invariants after each command. */
export async function runSequence(target: Target, seed: number, policy: ModelPolicy, commands: Commands): Promise<RunRecord> {
  const opened = await target.factory.open();
  try {
    const setup = await createSystem({ seed, policy, store: opened.store, ...usersOf(opened), ...(target.variant === undefined ? {} : { variant: target.variant }) });
    await fc.asyncModelRun(() => setup, commands);
    const store = opened.store as { snapshot?: () => unknown };
    return {
      transcript: setup.real.transcript,
      events: JSON.stringify(setup.real.kit.events),
      contents: store.snapshot === undefined ? null : JSON.stringify(store.snapshot()),
    };
  } finally {
    await opened.close();
  }
}

/** The service follows the reference model, and every invariant holds after every command. */
export function rotationModelProperty(target: Target) {
  return fc.asyncProperty(fc.integer(), modelPolicies, rotationCommands(maxCommands, target.replayPath), async (seed, policy, commands) => {
    await runSequence(target, seed, policy, commands);
  });
}
