import { type AuthData, authDataFromAnswer, modeOf } from "./auth-data.ts";
import { createAutoRefresh } from "./auto-refresh.ts";
import { endsSession, isStaleAccess, NetworkError } from "./client-errors.ts";
import type { ClientAuthMode, ClientOptions, ClientRequestInit, LoginOptions, LogoutOptions } from "./client-options.ts";
import { detectRefreshLock } from "./detect-refresh-lock.ts";
import { exchange, type Transport } from "./http-exchange.ts";
import { createMemoryStorage } from "./memory-storage.ts";
import { createTokenKeeper } from "./token-keeper.ts";

/** A Tessera (or Directus) client: keeps the tokens, refreshes them, and authenticates requests. */
export interface Client {
  /** Logs in and stores the tokens; resolves to what was stored. */
  login(email: string, password: string, options?: LoginOptions): Promise<AuthData>;
  /** Refreshes now (unless a refresh in this client or another tab just did), and resolves to the tokens in use. */
  refresh(): Promise<AuthData>;
  /** Ends the session on the server and clears the storage, even when the server refuses (the refusal is thrown after). */
  logout(options?: LogoutOptions): Promise<void>;
  /**
   * Sends a request with the bearer token (in session mode, with the session
   * cookie and `credentials: "include"`) and resolves to the answer's `data`
   * (undefined for 204). On `TOKEN_EXPIRED`, and in session mode on a 401
   * `missing_token` (the session cookie is gone), it refreshes once and retries once.
   */
  request<T = unknown>(path: string, init?: ClientRequestInit): Promise<T>;
  /**
   * The access token to send now (refreshed first if it has expired), the static token, or null when logged out.
   * Null in session mode too: the access token is then an HttpOnly cookie that no script can read.
   */
  getToken(): Promise<string | null>;
  /** Stops the auto-refresh timer; the client stays usable for explicit calls. */
  close(): void;
}

const staticModeRefusal = () => new TypeError("This client is in static-token mode: it has no session to log in to, refresh or log out of.");

// The cookies that authenticate travel cross-origin only with "include". The /auth routes read the refresh cookie in
// cookie and session modes; every other request reads the session cookie in session mode (and no bearer goes with it).
const authRouteCredentials = (mode: ClientAuthMode): RequestCredentials => (mode === "json" ? "same-origin" : "include");
const requestCredentials = (mode: ClientAuthMode): RequestCredentials => (mode === "session" ? "include" : "same-origin");

function body(init: ClientRequestInit): BodyInit | undefined {
  return init.json === undefined ? init.body : JSON.stringify(init.json);
}

/**
 * Builds a client for the Tessera server at `url`. Concurrent refreshes in one
 * client share one request; refreshes in several tabs take turns under a Web
 * Lock and the later tabs adopt the tokens the first one stored.
 *
 * @example
 * const client = createClient("https://auth.example.com", { storage: createLocalStorage(), mode: "cookie" });
 * await client.login("ada@example.com", "correct horse battery staple");
 * const me = await client.request<{ email: string }>("/users/me");
 */
export function createClient(url: string, options: ClientOptions = {}): Client {
  const baseUrl = url.replace(/\/+$/, "");
  const clock = options.clock ?? { now: () => Date.now() };
  const now = () => clock.now();
  const transport: Transport = { baseUrl, fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)), timeoutMs: options.timeoutMs ?? 30_000, now };
  const defaultMode: ClientAuthMode = options.mode ?? "json";
  const staticToken = options.staticToken ?? null;
  const storage = options.storage ?? createMemoryStorage();

  const post = (path: string, json: unknown, mode: ClientAuthMode, signal?: AbortSignal) =>
    exchange(transport, path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(json),
      credentials: authRouteCredentials(mode),
      ...(signal === undefined ? {} : { signal }),
    });

  async function tokensFrom(path: string, json: unknown, mode: ClientAuthMode, signal?: AbortSignal): Promise<AuthData> {
    const sentAt = now();
    const auth = authDataFromAnswer(await post(path, json, mode, signal), sentAt, mode);
    if (auth === null) {
      throw new NetworkError("bad_response", `${path} answered without the tokens of ${mode} mode.`);
    }
    return auth;
  }

  // The mode of what is stored, or the client's own when nothing is (cookie or session: the cookies alone refresh).
  const modeFor = (stored: AuthData | null): ClientAuthMode => (stored === null ? defaultMode : modeOf(stored));

  // json mode sends its refresh token in the body; the other modes send only the mode, and the cookies go along.
  const refreshBody = (stored: AuthData | null, mode: ClientAuthMode) => (stored?.refresh_token ? { refresh_token: stored.refresh_token, mode } : { mode });

  const refreshOnWire = (stored: AuthData | null) => {
    const mode = modeFor(stored);
    return tokensFrom("/auth/refresh", refreshBody(stored, mode), mode);
  };

  const autoRefreshOn = staticToken === null && (options.autoRefresh ?? true);
  const keeper = createTokenKeeper({
    storage,
    lock: options.lock ?? detectRefreshLock(`tessera-refresh:${baseUrl}`),
    refreshOnWire,
    cookieRefresh: defaultMode !== "json",
    // Only ever called after a request settles, by which time `timer` below exists.
    onChange(auth) {
      timer.schedule(auth);
      options.onChange?.(auth);
    },
  });
  const timer = createAutoRefresh({ keeper, now, msRefreshBeforeExpires: options.msRefreshBeforeExpires ?? 30_000 });
  if (autoRefreshOn) void keeper.read().then((auth) => timer.schedule(auth), () => {});
  else timer.stop();

  /** The stored tokens, refreshed first when they have expired by the client's clock (saves a doomed round trip). */
  async function usableAuth(): Promise<AuthData | null> {
    const auth = await keeper.read();
    timer.notice(auth);
    return auth !== null && auth.expires_at <= now() ? keeper.refresh(auth) : auth;
  }

  function send<T>(path: string, init: ClientRequestInit, token: string | null, credentials: RequestCredentials): Promise<T> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.json !== undefined) headers["content-type"] ??= "application/json";
    if (token !== null) headers["authorization"] = `Bearer ${token}`;
    const payload = body(init);
    const method = init.method ?? (payload === undefined ? "GET" : "POST");
    const requestInit: RequestInit = {
      method,
      headers,
      credentials,
      ...(payload === undefined ? {} : { body: payload }),
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    };
    return exchange(transport, path, requestInit) as Promise<T>;
  }

  return {
    login(email, password, loginOptions = {}) {
      if (staticToken !== null) return Promise.reject(staticModeRefusal());
      const mode = loginOptions.mode ?? defaultMode;
      return keeper.exclusive(async () => {
        const auth = await tokensFrom("/auth/login", { email, password, mode }, mode, loginOptions.signal);
        await keeper.store(auth);
        return auth;
      });
    },

    async refresh() {
      if (staticToken !== null) throw staticModeRefusal();
      return keeper.refresh(await keeper.read());
    },

    logout(logoutOptions = {}) {
      if (staticToken !== null) return Promise.reject(staticModeRefusal());
      return keeper.exclusive(async () => {
        const stored = await keeper.read();
        const scope = logoutOptions.scope ?? "session";
        const mode = modeFor(stored);
        try {
          // Nothing to send in json mode with nothing stored; in the other modes the cookies may still hold a session.
          if (stored !== null || mode !== "json") await post("/auth/logout", { ...refreshBody(stored, mode), scope }, mode, logoutOptions.signal);
        } finally {
          await keeper.store(null);
        }
      });
    },

    async request<T>(path: string, init: ClientRequestInit = {}): Promise<T> {
      if (staticToken !== null) return send<T>(path, init, staticToken, "same-origin");
      const auth = await usableAuth();
      const mode = modeFor(auth);
      try {
        return await send<T>(path, init, auth?.access_token ?? null, requestCredentials(mode));
      } catch (error) {
        // With nothing stored only session mode has something to refresh: the refresh cookie (after a reload, say).
        if (!isStaleAccess(error, mode) || (auth === null && mode !== "session")) throw error;
        let fresh: AuthData;
        try {
          fresh = await keeper.refresh(auth);
        } catch (refreshError) {
          // Nothing was stored and the cookies could not refresh either: not logged in, as the first refusal said.
          // Any other failure (offline, a 5xx) is what the caller needs to see.
          throw auth === null && endsSession(refreshError) ? error : refreshError;
        }
        return send<T>(path, init, fresh.access_token, requestCredentials(modeOf(fresh)));
      }
    },

    async getToken() {
      if (staticToken !== null) return staticToken;
      return (await usableAuth())?.access_token ?? null;
    },

    close() {
      timer.stop();
    },
  };
}
