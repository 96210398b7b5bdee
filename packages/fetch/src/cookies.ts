/** The attributes of Tessera's cookies, resolved from the handler options. */
export interface CookieSettings {
  readonly name: string;
  readonly path: string;
  readonly domain: string | null;
  readonly secure: boolean;
  readonly sameSite: "Lax" | "Strict" | "None";
}

/**
 * Reads one cookie from a `Cookie` header. Values are used as sent: Tessera's
 * tokens are base64url or JWTs, which need no decoding.
 */
export function readCookie(header: string | null, name: string): string | null {
  if (header === null) return null;
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals < 0) continue;
    if (pair.slice(0, equals).trim() !== name) continue;
    const value = pair.slice(equals + 1).trim();
    return value === "" ? null : value;
  }
  return null;
}

/** A `Set-Cookie` value: HttpOnly always, Max-Age in whole seconds (0 clears the cookie). */
export function serializeCookie(settings: CookieSettings, value: string, maxAgeSeconds: number): string {
  const parts = [`${settings.name}=${value}`, `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, `Path=${settings.path}`, "HttpOnly", `SameSite=${settings.sameSite}`];
  if (maxAgeSeconds <= 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  if (settings.secure) parts.push("Secure");
  if (settings.domain !== null) parts.push(`Domain=${settings.domain}`);
  return parts.join("; ");
}

/** A `Set-Cookie` value that deletes the cookie (same name, path and domain, expired). */
export function clearCookie(settings: CookieSettings): string {
  return serializeCookie(settings, "", 0);
}
