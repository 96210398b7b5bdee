/** Shares one run of an async task among every caller that arrives while it is in flight. */
export interface SingleFlight<T> {
  /** Joins the run in flight, or starts `task` when none is. */
  run(task: () => Promise<T>): Promise<T>;
}

/**
 * Builds a {@link SingleFlight}: fifty requests that meet an expired token in
 * the same instant wait on one refresh instead of spending one refresh token
 * fifty times.
 *
 * @example
 * const flight = createSingleFlight<AuthData>();
 * const [a, b] = await Promise.all([flight.run(refresh), flight.run(refresh)]); // one refresh
 */
export function createSingleFlight<T>(): SingleFlight<T> {
  let inFlight: Promise<T> | null = null;
  return {
    run(task) {
      if (inFlight !== null) return inFlight;
      const started = (async () => {
        try {
          return await task();
        } finally {
          inFlight = null;
        }
      })();
      inFlight = started;
      return started;
    },
  };
}
