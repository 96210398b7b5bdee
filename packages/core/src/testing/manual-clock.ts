import type { Clock } from "../ports/clock.ts";

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` (never backwards). */
  advance(ms: number): void;
  /** Jumps to an absolute time. */
  set(now: number): void;
}

/**
 * A manual clock for tests, so that expiry and grace boundaries are hit exactly.
 *
 * @example
 * const clock = createManualClock(Date.UTC(2026, 0, 1));
 * clock.advance(15 * 60_000);
 */
export function createManualClock(start = 1_767_225_600_000): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError("a manual clock only moves forward");
      now += ms;
    },
    set(value) {
      now = value;
    },
  };
}
