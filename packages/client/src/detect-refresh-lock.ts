import { createBroadcastLock } from "./broadcast-lock.ts";
import { createProcessLock, type RefreshLock } from "./refresh-lock.ts";
import { createWebLock, type LockManagerLike } from "./web-lock.ts";

interface Globals {
  readonly navigator?: { readonly locks?: LockManagerLike };
  readonly BroadcastChannel?: unknown;
  readonly document?: unknown;
}

// Clients of one realm that name the same lock share it, as tabs share a Web Lock.
const processLocks = new Map<string, RefreshLock>();

/**
 * The best lock the runtime offers: Web Locks (browsers, workers, Deno), else
 * BroadcastChannel in a page (browsers without Web Locks), else a lock for this
 * realm only (Node and Bun servers, where there are no tabs to coordinate; a
 * BroadcastChannel there would only add its claim window to every refresh).
 *
 * @example
 * const lock = detectRefreshLock("tessera-refresh:https://auth.example.com");
 */
export function detectRefreshLock(name: string): RefreshLock {
  const globals = globalThis as Globals;
  const locks = globals.navigator?.locks;
  if (locks !== undefined && typeof locks.request === "function") return createWebLock(name, locks);
  if (typeof globals.BroadcastChannel === "function" && globals.document !== undefined) return createBroadcastLock(name);
  let lock = processLocks.get(name);
  if (lock === undefined) {
    lock = createProcessLock();
    processLocks.set(name, lock);
  }
  return lock;
}
