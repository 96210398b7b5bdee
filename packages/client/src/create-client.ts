import { type AuthData, authDataFromAnswer } from "./auth-data.ts";
import { createAutoRefresh } from "./auto-refresh.ts";
import { ApiError, NetworkError } from "./client-errors.ts";
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
   * Sends a request with the bearer token and resolves to the answer's `data`
   * (undefined for 204). On `TOKEN_EXPIRED` it refreshes once and retries once.
   */
  request<T = unknown>(path: string, init?: ClientRequestInit): Promise<T>;
  /** The access token to send now (refreshed first if it has expired), the static token, or null when logged out. */
  getToken(): Promise<string | null>;
  /** Stops the auto-refresh timer; the client stays usable for explicit calls. */
  close(): void;
}

const staticModeRefusal = () => new TypeError("This client is in static-token mode: it has no session to log in to, refresh or log out of.");

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
      // The refresh cookie only travels cross-origin with "include"; in json mode no cookie is wanted.
      credentials: mode === "cookie" ? "include" : "same-origin",
      ...(signal === undefined ? {} : { signal }),
    });

  async function tokensFrom(path: string, json: unknown, mode: ClientAuthMode, signal?: AbortSignal): Promise<AuthData> {
    const sentAt = now();
    const auth = authDataFromAnswer(await post(path, json, mode, signal), sentAt);
    if (auth === null || (mode === "json" && auth.refresh_token === null)) {
      throw new NetworkError("bad_response", `${path} answered without the tokens of ${mode} mode.`);
    }
    return auth;
  }

  const refreshOnWire = (stored: AuthData | null) =>
    stored?.refresh_token
      ? tokensFrom("/auth/refresh", { refresh_token: stored.refresh_token, mode: "json" }, "json")
      : tokensFrom("/auth/refresh", { mode: "cookie" }, "cookie");

  const autoRefreshOn = staticToken === null && (options.autoRefresh ?? true);
  const keeper = createTokenKeeper({
    storage,
    lock: options.lock ?? detectRefreshLock(`tessera-refresh:${baseUrl}`),
    refreshOnWire,
    cookieRefresh: defaultMode === "cookie",
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

  function send<T>(path: string, init: ClientRequestInit, token: string | null): Promise<T> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.json !== undefined) headers["content-type"] ??= "application/json";
    if (token !== null) headers["authorization"] = `Bearer ${token}`;
    const payload = body(init);
    const method = init.method ?? (payload === undefined ? "GET" : "POST");
    const requestInit: RequestInit = { method, headers, ...(payload === undefined ? {} : { body: payload }), ...(init.signal === undefined ? {} : { signal: init.signal }) };
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
        try {
          if (stored?.refresh_token) await post("/auth/logout", { refresh_token: stored.refresh_token, mode: "json", scope }, "json", logoutOptions.signal);
          else if (stored !== null || defaultMode === "cookie") await post("/auth/logout", { mode: "cookie", scope }, "cookie", logoutOptions.signal);
        } finally {
          await keeper.store(null);
        }
      });
    },

    async request<T>(path: string, init: ClientRequestInit = {}): Promise<T> {
      if (staticToken !== null) return send<T>(path, init, staticToken);
      const auth = await usableAuth();
      try {
        return await send<T>(path, init, auth?.access_token ?? null);
      } catch (error) {
        if (auth === null || !(error instanceof ApiError) || error.code !== "TOKEN_EXPIRED") throw error;
        const fresh = await keeper.refresh(auth);
        return send<T>(path, init, fresh.access_token);
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
