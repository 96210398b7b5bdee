import type { Policy } from "../policy.ts";
import type { RateWindow } from "../ports/rate-limiter.ts";

/**
 * Login rate limiting that an attacker cannot turn into a lockout of the real
 * user: failures count per (account, client address), attempts per client
 * address. A flood from elsewhere never blocks the owner's own address. Returns
 * how long to wait, or null when the attempt may proceed.
 */
export function decideLoginRate(
  windows: { readonly accountAndAddress: RateWindow; readonly address: RateWindow },
  now: number,
  policy: Policy,
): number | null {
  const blocked: RateWindow[] = [];
  if (windows.accountAndAddress.count >= policy.loginFailuresPerAccountAndAddress) blocked.push(windows.accountAndAddress);
  if (windows.address.count >= policy.loginAttemptsPerAddress) blocked.push(windows.address);
  if (blocked.length === 0) return null;
  return Math.max(...blocked.map((window) => window.resetAt - now));
}
