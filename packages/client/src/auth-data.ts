import type { ClientAuthMode } from "./client-options.ts";

/**
 * What a client keeps between calls. The field names follow Directus's SDK, so
 * a page moving from Directus keeps its stored session.
 */
export interface AuthData {
  /** Null in session mode: the access token then lives in the server's HttpOnly session cookie, sent by the browser. */
  readonly access_token: string | null;
  /** Null in cookie and session modes: the refresh token then lives in an HttpOnly cookie that scripts cannot read. */
  readonly refresh_token: string | null;
  /** The access token's lifetime in ms, as the server announced it. */
  readonly expires: number;
  /**
   * When the access token expires, in epoch ms of the client's clock: the
   * moment the request was sent plus `expires`, so a slow answer errs early.
   */
  readonly expires_at: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

/**
 * Reads stored auth data back, or null when it is missing or malformed: a
 * corrupted or foreign entry in storage means "not logged in", never a crash.
 */
export function parseAuthData(value: unknown): AuthData | null {
  if (!isRecord(value)) return null;
  const { expires, expires_at } = value;
  // Directus's SDK leaves the token keys out in session mode (and cookie mode's refresh_token): absent reads as null.
  const access_token = value["access_token"] ?? null;
  const refresh_token = value["refresh_token"] ?? null;
  if (!isTime(expires) || !isTime(expires_at)) return null;
  if (access_token === null) return refresh_token === null ? { access_token, refresh_token, expires, expires_at } : null;
  if (!isNonEmptyString(access_token)) return null;
  if (refresh_token !== null && !isNonEmptyString(refresh_token)) return null;
  return { access_token, refresh_token, expires, expires_at };
}

/** The mode that stored auth data belongs to: a refresh token means json, an access token alone cookie, neither session. */
export function modeOf(auth: AuthData): ClientAuthMode {
  if (auth.refresh_token !== null) return "json";
  return auth.access_token === null ? "session" : "cookie";
}

/**
 * Builds auth data from the `data` of a login or refresh answer in `mode`.
 * `sentAt` is the client's clock when the request left. Returns null when the
 * answer lacks what the mode needs: the lifetime always, the access token in
 * json and cookie modes, the refresh token in json mode. In session mode both
 * tokens are cookies, so only the lifetime is kept, even if a token came along.
 */
export function authDataFromAnswer(data: unknown, sentAt: number, mode: ClientAuthMode): AuthData | null {
  if (!isRecord(data)) return null;
  const { access_token, refresh_token, expires } = data;
  if (!isTime(expires)) return null;
  const expires_at = sentAt + expires;
  if (mode === "session") return { access_token: null, refresh_token: null, expires, expires_at };
  if (!isNonEmptyString(access_token)) return null;
  if (mode === "cookie") return { access_token, refresh_token: null, expires, expires_at };
  return isNonEmptyString(refresh_token) ? { access_token, refresh_token, expires, expires_at } : null;
}
