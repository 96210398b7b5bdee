import type { ErrorCode, Failure } from "@tessera/core";

/** The codes the HTTP layer adds to the core's: transport-level refusals. */
export type HttpErrorCode = ErrorCode | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "INTERNAL_SERVER_ERROR";

/**
 * A refusal on its way to the wire: an HTTP status, Directus's `code`, a
 * `reason` finer than the code, and a message a person can act on (never a
 * token or a password).
 */
export interface Refusal {
  readonly status: number;
  readonly code: HttpErrorCode;
  readonly reason: string;
  readonly message: string;
  /** Extra response headers, such as `Retry-After` or `Allow`. */
  readonly headers?: Readonly<Record<string, string>>;
}

const statusOfCode: Record<ErrorCode, number> = {
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  TOKEN_EXPIRED: 401,
  INVALID_PAYLOAD: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUESTS_EXCEEDED: 429,
};

/** Maps a core {@link Failure} to its HTTP refusal; this is the only place codes become statuses. */
export function refusalOf(failure: Failure): Refusal {
  const refusal = { status: statusOfCode[failure.code], code: failure.code, reason: failure.reason, message: failure.message };
  if (failure.retryAfterMs === undefined) return refusal;
  return { ...refusal, headers: { "Retry-After": String(Math.max(1, Math.ceil(failure.retryAfterMs / 1000))) } };
}

/** A 400 `INVALID_PAYLOAD` with a message saying what to fix. */
export function invalidPayload(message: string, reason = "invalid_input"): Refusal {
  return { status: 400, code: "INVALID_PAYLOAD", reason, message };
}
