import type { AuthData } from "./auth-data.ts";

/**
 * Where a client keeps its {@link AuthData}. Either method may be async (an
 * IndexedDB or secure-store adapter). For tabs of one origin to share a
 * session, they must share the storage: see `createLocalStorage`.
 */
export interface ClientStorage {
  get(): AuthData | null | Promise<AuthData | null>;
  /** Null clears the stored session. */
  set(value: AuthData | null): void | Promise<void>;
}
