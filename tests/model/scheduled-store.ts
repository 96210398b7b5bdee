import type { Store } from "@tessera/core";
import type fc from "fast-check";

const storeMethods = [
  "insertSession",
  "findRefreshToken",
  "findSession",
  "rotateRefreshToken",
  "revokeSession",
  "revokeUserSessions",
  "listLiveSessions",
  "putStaticToken",
  "findStaticToken",
  "deleteStaticToken",
  "touchStaticToken",
] as const satisfies readonly (keyof Store)[];

/** Whether store calls currently go through the scheduler. */
export interface Gate {
  on: boolean;
}

/**
 * Wraps a store so that, while the gate is on, every call resolves when
 * fast-check's scheduler says so: concurrent operations then interleave at
 * every store round trip, in orders the scheduler explores and shrinks.
 */
export function scheduleStore(store: Store, scheduler: fc.Scheduler, gate: Gate): Store {
  const wrapped: Record<string, unknown> = {};
  for (const name of storeMethods) {
    const direct = (store[name] as (...args: unknown[]) => Promise<unknown>).bind(store);
    const scheduled = scheduler.scheduleFunction(direct);
    wrapped[name] = (...args: unknown[]) => (gate.on ? scheduled(...args) : direct(...args));
  }
  return wrapped as unknown as Store;
}
