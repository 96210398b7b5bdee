import type { RefreshLock } from "./refresh-lock.ts";

/** The subset of `navigator.locks` (the Web Locks API) that the client needs. */
export interface LockManagerLike {
  request<T>(name: string, options: { mode: "exclusive" }, callback: () => Promise<T>): Promise<T>;
}

/**
 * A lock shared by every tab and worker of the origin, through the Web Locks
 * API. The browser releases it when its holder's tab closes, so a tab that
 * dies mid-refresh never blocks the others.
 *
 * @example
 * const lock = createWebLock("tessera-refresh:https://auth.example.com", navigator.locks);
 */
export function createWebLock(name: string, locks: LockManagerLike): RefreshLock {
  return { run: (task) => locks.request(name, { mode: "exclusive" }, task) };
}
