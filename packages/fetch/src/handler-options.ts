import { adminRole } from "@tessera/core";
import type { CookieSettings } from "./cookies.ts";
import type { CorsOptions } from "./cors.ts";

/** Cookie attributes that can be configured; the name and defaults differ per cookie. */
export interface CookieOptions {
  readonly name?: string;
  readonly domain?: string | null;
  /** Default true. Browsers accept Secure cookies on http://localhost, so only turn it off for other plain-HTTP hosts. */
  readonly secure?: boolean;
  /** Default `"Lax"`. */
  readonly sameSite?: "Lax" | "Strict" | "None";
}

/** Options of `createFetchHandler`; everything is optional. */
export interface FetchHandlerOptions {
  /** Largest request body accepted, in bytes; default 16 KiB (a login body is well under 1 KiB). */
  readonly maxBodyBytes?: number;
  /** The refresh-token cookie (cookie and session modes); default name `tessera_refresh_token`, Path `/auth`. */
  readonly refreshCookie?: CookieOptions;
  /** The access-token cookie (session mode); default name `tessera_session_token`, Path `/`. */
  readonly sessionCookie?: CookieOptions;
  /** Cross-origin requests; off by default. */
  readonly cors?: CorsOptions;
  /** The role allowed on the admin routes; default `"admin"`. */
  readonly adminRole?: string;
  /** Whether the database answers, for `GET /server/health`; without it the health route reports no database. */
  readonly ping?: () => Promise<boolean>;
  /** Told of every unexpected fault (the client gets a 500 without details). */
  readonly onError?: (error: unknown, request: Request) => void;
  /** The time in epoch ms, for cookie lifetimes; pass the clock given to the core. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * Answers a request that no route matches (a static site beside the API, say); null gives the usual 404
   * envelope. Routes always win: a route's own 404 (an unknown user) and a 405 are never passed on.
   */
  readonly notFound?: (request: Request) => Response | null | Promise<Response | null>;
}

/** {@link FetchHandlerOptions} with every default applied. */
export interface ResolvedOptions {
  readonly maxBodyBytes: number;
  readonly refreshCookie: CookieSettings;
  readonly sessionCookie: CookieSettings;
  readonly cors: CorsOptions | null;
  readonly adminRole: string;
  readonly ping: (() => Promise<boolean>) | null;
  readonly onError: (error: unknown, request: Request) => void;
  readonly now: () => number;
  readonly notFound: ((request: Request) => Response | null | Promise<Response | null>) | null;
}

const cookieNamePattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function resolveCookie(field: string, input: CookieOptions | undefined, name: string, path: string): CookieSettings {
  const settings = {
    name: input?.name ?? name,
    path,
    domain: input?.domain ?? null,
    secure: input?.secure ?? true,
    sameSite: input?.sameSite ?? "Lax",
  } as const;
  if (!cookieNamePattern.test(settings.name)) throw new TypeError(`${field}.name must be a cookie name (letters, digits and !#$%&'*+-.^_\`|~)`);
  if (settings.sameSite === "None" && !settings.secure) throw new TypeError(`${field}: SameSite=None needs Secure (browsers drop the cookie otherwise)`);
  return settings;
}

/** Applies defaults and rejects options that cannot work, naming the field. */
export function resolveOptions(options: FetchHandlerOptions): ResolvedOptions {
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1024) throw new TypeError("maxBodyBytes must be an integer of at least 1024");
  return {
    maxBodyBytes,
    refreshCookie: resolveCookie("refreshCookie", options.refreshCookie, "tessera_refresh_token", "/auth"),
    sessionCookie: resolveCookie("sessionCookie", options.sessionCookie, "tessera_session_token", "/"),
    cors: options.cors ?? null,
    adminRole: options.adminRole ?? adminRole,
    ping: options.ping ?? null,
    onError: options.onError ?? (() => {}),
    now: options.now ?? (() => Date.now()),
    notFound: options.notFound ?? null,
  };
}
