import type { AuthData } from "./auth-data.ts";

/** The longest delay `setTimeout` honours (about 24.8 days); longer ones fire at once. */
export const maxTimerDelayMs = 2 ** 31 - 1;

/**
 * How long from `now` until an auto-refresh is due: `msRefreshBeforeExpires`
 * before expiry, but never earlier than half-way through the token's life, so
 * that a token shorter than the margin is not refreshed back to back.
 *
 * @example
 * refreshDelay({ ...auth, expires: 900_000, expires_at: now + 900_000 }, now, 30_000); // 870000
 */
export function refreshDelay(auth: AuthData, now: number, msRefreshBeforeExpires: number): number {
  const margin = Math.min(msRefreshBeforeExpires, auth.expires / 2);
  return Math.min(maxTimerDelayMs, Math.max(0, auth.expires_at - margin - now));
}
