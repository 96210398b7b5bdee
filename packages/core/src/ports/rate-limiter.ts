/** The count of hits in the current fixed window of a key, and when that window ends. */
export interface RateWindow {
  readonly count: number;
  readonly resetAt: number;
}

/**
 * Fixed-window counters for login rate limiting. Windows start at multiples of
 * `windowMs`, so the outcome depends only on the injected time.
 */
export interface RateLimiter {
  /** Counts one hit on `key` and returns the window after it. */
  hit(key: string, now: number, windowMs: number): Promise<RateWindow>;
  /** The window of `key` without counting a hit. */
  peek(key: string, now: number, windowMs: number): Promise<RateWindow>;
  /** Forgets `key` (after a successful login). */
  reset(key: string): Promise<void>;
}

/** Start of the fixed window that contains `now`. */
export function windowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}
