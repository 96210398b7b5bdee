import type { Clock } from "../src/ports/clock.ts";

/** The wall clock, `Date.now()`. */
export const systemClock: Clock = { now: () => Date.now() };
