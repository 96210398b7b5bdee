/** A FIFO mutex for async code: `acquire` resolves with the function that releases it. */
export interface AsyncLock {
  acquire(): Promise<() => void>;
  /** Takes the lock at once if it is free (the release function), or null if someone holds it. */
  tryAcquire(): (() => void) | null;
}

/**
 * Creates an {@link AsyncLock}. The uncontended path takes no extra tick, which
 * matters because every SQLite query goes through it.
 */
export function createAsyncLock(): AsyncLock {
  let held = false;
  const waiting: Array<(release: () => void) => void> = [];
  const handOver = (): void => {
    const next = waiting.shift();
    if (next === undefined) held = false;
    else next(once());
  };
  const once = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      handOver();
    };
  };
  return {
    tryAcquire() {
      if (held) return null;
      held = true;
      return once();
    },
    acquire() {
      if (!held) {
        held = true;
        return Promise.resolve(once());
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

const fileLocks = new Map<string, AsyncLock>();

/**
 * The lock shared by every connection of this process to one SQLite file.
 * SQLite drivers are synchronous: a connection that waits in the busy handler
 * for another connection of the same thread blocks the very thread that would
 * release the lock, so same-process connections queue here instead and
 * `busy_timeout` only ever waits for other processes.
 */
export function sharedFileLock(absolutePath: string): AsyncLock {
  let lock = fileLocks.get(absolutePath);
  if (lock === undefined) {
    lock = createAsyncLock();
    fileLocks.set(absolutePath, lock);
  }
  return lock;
}
