import { ConfigError, parseDuration } from "@tessera/core";

/** Cookie attributes from `<PREFIX>_NAME`, `_DOMAIN`, `_SECURE`, `_SAME_SITE`. */
export interface CookieConfig {
  readonly name?: string;
  readonly domain?: string;
  readonly secure?: boolean;
  readonly sameSite?: "Lax" | "Strict" | "None";
}

/** The reference server's configuration, read from environment variables (Directus's names where they exist). */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly secret: string | null;
  readonly secretFile: string | null;
  readonly accessTokenTtl: string;
  readonly refreshTokenTtl: string;
  readonly reuseGrace: string;
  readonly sessionMaxAge: string | null;
  readonly clockTolerance: string;
  readonly keyReloadMs: number;
  readonly refreshCookie: CookieConfig;
  readonly sessionCookie: CookieConfig;
  readonly cors: { readonly origin: readonly string[] | "*"; readonly credentials: boolean; readonly maxAgeSeconds: number } | null;
  readonly maxBodyBytes: number;
  readonly adminEmail: string;
  readonly adminPassword: string | null;
  readonly requestLog: boolean;
  /**
   * A directory of static files (the example page) served for GET/HEAD paths no API route answers, or null.
   * Checked when the server starts, not here: the CLI reads the same settings and serves no files.
   */
  readonly staticDir: string | null;
  /** Failed logins per account and client address, attempts per address, and their window. */
  readonly loginLimits: { readonly failuresPerAccountAndAddress: number; readonly attemptsPerAddress: number; readonly window: string };
  /** Behind a reverse proxy: take the client address from the last `X-Forwarded-For` entry. */
  readonly trustProxy: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
};

function duration(env: Env, name: string, fallback: string): string {
  const value = read(env, name) ?? fallback;
  if (parseDuration(value) === null) throw new ConfigError(name, `${name}=${JSON.stringify(value)} is not a duration; use e.g. "15m", "7d" or a number of milliseconds`);
  return value;
}

function boolean(env: Env, name: string): boolean | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(name, `${name}=${JSON.stringify(value)} must be true or false`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new ConfigError(name, `${name}=${JSON.stringify(value)} must be an integer from ${min} to ${max}`);
  return number;
}

function cookie(env: Env, prefix: string): CookieConfig {
  const sameSite = read(env, `${prefix}_SAME_SITE`);
  const normalized = sameSite === undefined ? undefined : ({ lax: "Lax", strict: "Strict", none: "None" } as const)[sameSite.toLowerCase() as "lax"];
  if (sameSite !== undefined && normalized === undefined) throw new ConfigError(`${prefix}_SAME_SITE`, `${prefix}_SAME_SITE must be lax, strict or none`);
  const name = read(env, `${prefix}_NAME`);
  const domain = read(env, `${prefix}_DOMAIN`);
  const secure = boolean(env, `${prefix}_SECURE`);
  return { ...(name && { name }), ...(domain && { domain }), ...(secure !== undefined && { secure }), ...(normalized && { sameSite: normalized }) };
}

function cors(env: Env): ServerConfig["cors"] {
  if (boolean(env, "CORS_ENABLED") !== true) return null;
  const origin = read(env, "CORS_ORIGIN");
  if (origin === undefined) throw new ConfigError("CORS_ORIGIN", "CORS_ENABLED=true needs CORS_ORIGIN: a comma-separated list of origins, or *");
  return {
    origin: origin === "*" || origin === "true" ? "*" : origin.split(",").map((item) => item.trim()).filter((item) => item !== ""),
    credentials: boolean(env, "CORS_CREDENTIALS") ?? false,
    maxAgeSeconds: integer(env, "CORS_MAX_AGE", 600, 0, 86_400),
  };
}

/**
 * Reads and checks the configuration. An invalid value throws a
 * {@link ConfigError} naming the variable, so the server stops before it
 * listens.
 */
export function readServerConfig(env: Env): ServerConfig {
  const secret = read(env, "SECRET") ?? null;
  if (secret !== null && secret.length < 32) throw new ConfigError("SECRET", "SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)");
  const email = read(env, "ADMIN_EMAIL") ?? "admin@example.com";
  return {
    port: integer(env, "PORT", 8055, 0, 65_535),
    host: read(env, "HOST") ?? "0.0.0.0",
    databaseUrl: read(env, "DATABASE_URL") ?? "sqlite:./data/tessera.db",
    secret,
    secretFile: read(env, "TESSERA_SECRET_FILE") ?? null,
    accessTokenTtl: duration(env, "ACCESS_TOKEN_TTL", "15m"),
    refreshTokenTtl: duration(env, "REFRESH_TOKEN_TTL", "7d"),
    reuseGrace: duration(env, "TESSERA_REUSE_GRACE", "10s"),
    sessionMaxAge: read(env, "TESSERA_SESSION_MAX_AGE") === undefined ? null : duration(env, "TESSERA_SESSION_MAX_AGE", ""),
    clockTolerance: duration(env, "TESSERA_CLOCK_TOLERANCE", "30s"),
    keyReloadMs: parseDuration(duration(env, "TESSERA_KEY_RELOAD_INTERVAL", "1m")) as number,
    refreshCookie: cookie(env, "REFRESH_TOKEN_COOKIE"),
    sessionCookie: cookie(env, "SESSION_COOKIE"),
    cors: cors(env),
    maxBodyBytes: integer(env, "MAX_PAYLOAD_SIZE", 16_384, 1024, 1_048_576),
    adminEmail: email,
    adminPassword: read(env, "ADMIN_PASSWORD") ?? null,
    requestLog: boolean(env, "TESSERA_REQUEST_LOG") ?? true,
    staticDir: read(env, "TESSERA_STATIC_DIR") ?? null,
    loginLimits: {
      failuresPerAccountAndAddress: integer(env, "TESSERA_LOGIN_FAILURES_PER_ACCOUNT", 10, 1, 1_000_000),
      attemptsPerAddress: integer(env, "TESSERA_LOGIN_ATTEMPTS_PER_ADDRESS", 100, 1, 1_000_000),
      window: duration(env, "TESSERA_LOGIN_WINDOW", "15m"),
    },
    trustProxy: boolean(env, "TESSERA_TRUST_PROXY") ?? false,
  };
}
