/**
 * Mutual exclusion around a refresh. Across tabs it is what stops two tabs
 * from spending one refresh token at once (the second would be a reuse); the
 * holder re-reads the shared storage first, so a tab that waited adopts the
 * winner's tokens instead of refreshing again.
 */
export interface RefreshLock {
  /** Runs `task` while holding the lock and returns its result; other holders of the same lock wait. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * A lock for one JavaScript realm only: tasks run one after another, in call
 * order. It is the fallback where neither Web Locks nor a page with
 * BroadcastChannel exists (servers, CLIs), where there are no tabs to race.
 *
 * @example
 * const client = createClient(url, { lock: createProcessLock() });
 */
export function createProcessLock(): RefreshLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      // The next task waits for this one to settle, whatever its outcome.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
