import { type RateLimiter, type RateWindow, windowStart } from "./ports/rate-limiter.ts";

/**
 * Fixed-window counters in a Map: the default for one process. Windows that
 * have ended are dropped as new hits arrive, so memory stays bounded by the
 * number of keys active in one window.
 */
export function createMemoryRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; count: number; windowMs: number }>();
  const current = (key: string, now: number, windowMs: number): { start: number; count: number; windowMs: number } => {
    const start = windowStart(now, windowMs);
    const entry = windows.get(key);
    return entry !== undefined && entry.start === start ? entry : { start, count: 0, windowMs };
  };
  const view = (entry: { start: number; count: number; windowMs: number }): RateWindow => ({ count: entry.count, resetAt: entry.start + entry.windowMs });
  const sweep = (now: number) => {
    if (windows.size < 10_000) return;
    for (const [key, entry] of windows) if (entry.start + entry.windowMs <= now) windows.delete(key);
  };
  return {
    async hit(key, now, windowMs) {
      sweep(now);
      const entry = current(key, now, windowMs);
      entry.count += 1;
      windows.set(key, entry);
      return view(entry);
    },
    async peek(key, now, windowMs) {
      return view(current(key, now, windowMs));
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
