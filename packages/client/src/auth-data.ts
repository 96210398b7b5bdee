/**
 * What a client keeps between calls. The field names follow Directus's SDK, so
 * a page moving from Directus keeps its stored session.
 */
export interface AuthData {
  readonly access_token: string;
  /** Null in cookie mode: the refresh token then lives in an HttpOnly cookie that scripts cannot read. */
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
  const { access_token, refresh_token, expires, expires_at } = value;
  if (!isNonEmptyString(access_token) || !isTime(expires) || !isTime(expires_at)) return null;
  if (refresh_token !== null && !isNonEmptyString(refresh_token)) return null;
  return { access_token, refresh_token, expires, expires_at };
}

/**
 * Builds auth data from the `data` of a login or refresh answer. `sentAt` is
 * the client's clock when the request left. Returns null when the answer does
 * not carry an access token and a lifetime (for example a session-mode login).
 */
export function authDataFromAnswer(data: unknown, sentAt: number): AuthData | null {
  if (!isRecord(data)) return null;
  const { access_token, refresh_token, expires } = data;
  if (!isNonEmptyString(access_token) || !isTime(expires)) return null;
  return { access_token, refresh_token: isNonEmptyString(refresh_token) ? refresh_token : null, expires, expires_at: sentAt + expires };
}
