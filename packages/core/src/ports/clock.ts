/**
 * The only source of time the core knows: epoch milliseconds.
 *
 * @example
 * const clock: Clock = { now: () => 1_700_000_000_000 };
 */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
}
