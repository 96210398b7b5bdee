import type { AuthData } from "./auth-data.ts";
import type { ClientStorage } from "./client-storage.ts";

/**
 * Keeps the session in a variable: the default, and the safest place in a
 * browser (nothing for an injected script to read from storage), at the cost of
 * logging in again after a reload unless cookie or session mode refreshes it.
 *
 * @example
 * const client = createClient("https://auth.example.com", { storage: createMemoryStorage() });
 */
export function createMemoryStorage(initial: AuthData | null = null): ClientStorage {
  let value = initial;
  return {
    get: () => value,
    set(next) {
      value = next;
    },
  };
}
