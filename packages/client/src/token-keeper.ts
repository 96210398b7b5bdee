import type { AuthData } from "./auth-data.ts";
import { endsSession, NotLoggedInError } from "./client-errors.ts";
import type { ClientStorage } from "./client-storage.ts";
import type { RefreshLock } from "./refresh-lock.ts";
import { createSingleFlight } from "./single-flight.ts";

/** What a {@link TokenKeeper} is built from. */
export interface TokenKeeperOptions {
  readonly storage: ClientStorage;
  readonly lock: RefreshLock;
  /** Spends a refresh token on the wire; `stored` is null in cookie or session mode with nothing stored (the cookie alone refreshes). */
  readonly refreshOnWire: (stored: AuthData | null) => Promise<AuthData>;
  /** Whether a refresh may go to the wire with nothing stored (cookie and session modes). */
  readonly cookieRefresh: boolean;
  /** Told of every change of the tokens this client uses, adopted ones included. */
  readonly onChange: (auth: AuthData | null) => void;
}

/** The client's session state: storage, the lock and the single flight, in one place. */
export interface TokenKeeper {
  read(): Promise<AuthData | null>;
  /** Stores new tokens (login) or clears them (logout); call it inside {@link TokenKeeper.exclusive}. */
  store(next: AuthData | null): Promise<void>;
  /** Runs `task` under the refresh lock, so that no refresh of another tab lands in the middle of a login or logout. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /**
   * A fresh pair in place of `seen`: joins a refresh in flight in this client;
   * otherwise takes the lock and adopts what another tab stored meanwhile, or
   * refreshes on the wire when storage still holds `seen`.
   */
  refresh(seen: AuthData | null): Promise<AuthData>;
}

// Not the access token alone: two pairs issued in the same second can carry the same JWT, and in session mode there is
// no token to compare. `expires_at` tells them apart, because every refresh stores a new one (see `distinctFrom`).
const isSameAuth = (a: AuthData, b: AuthData) => a.access_token === b.access_token && a.refresh_token === b.refresh_token && a.expires_at === b.expires_at;

/**
 * `next` as it must be stored in place of `previous`: different from it. A tab that read `previous` before waiting
 * for the lock takes any other entry for another tab's refresh and adopts it; were they equal, it would refresh
 * again. Two pairs issued within one second can carry the same JWT and, to the millisecond, the same expiry
 * (`expires` is counted to the token's whole-second `exp`), so the expiry then errs one millisecond early.
 */
export function distinctFrom(next: AuthData, previous: AuthData | null): AuthData {
  return previous !== null && isSameAuth(next, previous) ? { ...next, expires_at: next.expires_at - 1 } : next;
}

/** Builds a {@link TokenKeeper}. */
export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  const { storage, lock, onChange } = options;
  const flight = createSingleFlight<AuthData>();

  async function store(next: AuthData | null): Promise<void> {
    await storage.set(next);
    onChange(next);
  }

  async function refreshLocked(seen: AuthData | null): Promise<AuthData> {
    const stored = await storage.get();
    if (stored === null && (seen !== null || !options.cookieRefresh)) {
      onChange(null);
      throw new NotLoggedInError(seen === null ? undefined : "Logged out meanwhile (in this tab or another one sharing its storage).");
    }
    if (stored !== null && seen !== null && !isSameAuth(stored, seen)) {
      onChange(stored);
      return stored;
    }
    try {
      const next = distinctFrom(await options.refreshOnWire(stored), stored);
      await store(next);
      return next;
    } catch (error) {
      if (endsSession(error)) await store(null);
      throw error;
    }
  }

  return {
    read: async () => await storage.get(),
    store,
    exclusive: (task) => lock.run(task),
    refresh: (seen) => flight.run(() => lock.run(() => refreshLocked(seen))),
  };
}
