/** The claims of a Tessera access token; `id` and `role` are Directus's. */
export interface AccessClaims {
  /** The user id (Directus's claim). */
  readonly id: string;
  readonly role: string;
  /** The user id (RFC 7519's claim). */
  readonly sub: string;
  /** The session the token belongs to. */
  readonly sid: string;
  /** Issued at, epoch seconds. */
  readonly iat: number;
  /** Expires at, epoch seconds; the token is accepted while `now < exp * 1000`. */
  readonly exp: number;
  readonly iss: string;
}

const isString = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= 256;
const isSeconds = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Reads claims out of a parsed payload; null when any is missing or of the wrong type. */
export function readAccessClaims(payload: unknown): AccessClaims | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const p = payload as Record<string, unknown>;
  const { id, role, sub, sid, iat, exp, iss } = p;
  if (!isString(id) || !isString(role) || !isString(sub) || !isString(sid) || !isString(iss)) return null;
  if (!isSeconds(iat) || !isSeconds(exp) || id !== sub) return null;
  return { id, role, sub, sid, iat, exp, iss };
}
