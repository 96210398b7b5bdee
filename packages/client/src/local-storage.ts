import { type AuthData, parseAuthData } from "./auth-data.ts";
import type { ClientStorage } from "./client-storage.ts";

/** The subset of the Web Storage API that the adapter needs (`localStorage`, `sessionStorage` or a test double). */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A {@link ClientStorage} whose reads are synchronous, so a page can redraw from it on every frame. */
export interface SyncClientStorage extends ClientStorage {
  get(): AuthData | null;
}

/** Options of {@link createLocalStorage}. */
export interface LocalStorageOptions {
  /** Default `"tessera_auth"`. Give each client of a page its own key. */
  readonly key?: string;
  /** Default `globalThis.localStorage`. */
  readonly storage?: WebStorageLike;
}

/**
 * Keeps the session in `localStorage`, shared by every tab of the origin: a
 * tab that lost a refresh race adopts the winner's tokens from here, and a
 * logout in one tab logs every tab out. A corrupted entry reads as "not
 * logged in".
 *
 * @example
 * const client = createClient(location.origin, { storage: createLocalStorage(), mode: "cookie" });
 */
export function createLocalStorage(options: LocalStorageOptions = {}): SyncClientStorage {
  const key = options.key ?? "tessera_auth";
  const storage = options.storage ?? (globalThis as { localStorage?: WebStorageLike }).localStorage;
  if (storage === undefined) throw new TypeError("createLocalStorage: this runtime has no localStorage; pass options.storage or use createMemoryStorage()");
  return {
    get(): AuthData | null {
      const text = storage.getItem(key);
      if (text === null) return null;
      try {
        return parseAuthData(JSON.parse(text));
      } catch {
        return null;
      }
    },
    set(value) {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(value));
    },
  };
}
