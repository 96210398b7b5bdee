import type { AuthData } from "./auth-data.ts";
import type { ClientStorage } from "./client-storage.ts";
import type { FetchLike } from "./http-exchange.ts";
import type { RefreshLock } from "./refresh-lock.ts";

/**
 * Where the tokens travel: both in JSON bodies (`json`); the refresh token in an
 * HttpOnly cookie (`cookie`); or both in HttpOnly cookies (`session`), so that
 * no script on the page ever holds either. These are Directus's three modes.
 */
export type ClientAuthMode = "json" | "cookie" | "session";

/** Options of `createClient`; everything is optional. */
export interface ClientOptions {
  /**
   * Default `"json"`. Cookie mode sends `credentials: "include"` on the `/auth` routes and stores no refresh token.
   * Session mode stores neither token, only the expiry, and its requests carry `credentials: "include"` and no bearer.
   * What is stored decides: after `login(..., { mode })` in another mode, that mode's rules apply until logout.
   */
  readonly mode?: ClientAuthMode;
  /** Default: memory. Tabs share a session only through shared storage, such as `createLocalStorage()`. */
  readonly storage?: ClientStorage;
  /** Refresh before the access token expires, on a timer; default true. */
  readonly autoRefresh?: boolean;
  /** How long before expiry the auto-refresh runs, in ms; default 30 000 (at most half the token's life). */
  readonly msRefreshBeforeExpires?: number;
  /** Static-token mode: every request carries this token, nothing is refreshed, and login/refresh/logout are refused. */
  readonly staticToken?: string;
  /** Default `globalThis.fetch`. */
  readonly fetch?: FetchLike;
  /** The client's clock in epoch ms; default `Date.now`. */
  readonly clock?: { now(): number };
  /** Coordinates refreshes across tabs; default `detectRefreshLock("tessera-refresh:" + url)`. */
  readonly lock?: RefreshLock;
  /** Abandon a request after this long, in ms; default 30 000. */
  readonly timeoutMs?: number;
  /** Told whenever the tokens this client uses change: login, refresh, adopting another tab's refresh, logout. */
  readonly onChange?: (auth: AuthData | null) => void;
}

/** Per-call options of `request`. Bodies must be replayable (not a stream): a request is retried once after a refresh. */
export interface ClientRequestInit {
  /** Default `"GET"`, or `"POST"` when `json` or `body` is given. */
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly json?: unknown;
  readonly body?: string | URLSearchParams | FormData | Blob | ArrayBuffer;
  readonly signal?: AbortSignal;
}

/** Options of `login`. */
export interface LoginOptions {
  /** Default: the client's mode. */
  readonly mode?: ClientAuthMode;
  readonly signal?: AbortSignal;
}

/** Options of `logout`. */
export interface LogoutOptions {
  /** `"all"` ends every session of the user; default `"session"`. */
  readonly scope?: "session" | "all";
  readonly signal?: AbortSignal;
}
