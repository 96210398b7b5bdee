/**
 * Error codes, as in Directus's wire format. The fetch package maps them to
 * HTTP statuses; the core only names them.
 */
export const errorCodes = [
  "INVALID_CREDENTIALS",
  "INVALID_TOKEN",
  "TOKEN_EXPIRED",
  "INVALID_PAYLOAD",
  "FORBIDDEN",
  "NOT_FOUND",
  "REQUESTS_EXCEEDED",
] as const;
/** See {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

/** Why an operation was refused, finer than the code and safe to show to the client. */
export const reasons = [
  // credentials and refresh tokens
  "wrong_credentials",
  "user_suspended",
  "unknown",
  "expired",
  "revoked",
  "reused",
  "session_expired",
  // access and static tokens
  "malformed",
  "bad_signature",
  "unknown_kid",
  "wrong_algorithm",
  "bad_claims",
  "bad_checksum",
  "user_inactive",
  // everything else
  "rate_limited",
  "not_found",
  "forbidden",
  "invalid_input",
  "email_taken",
] as const;
/** See {@link reasons}. */
export type Reason = (typeof reasons)[number];

/** An expected refusal: a value, never an exception. */
export interface Failure {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly reason: Reason;
  /** Human-readable, never containing a token or a password. */
  readonly message: string;
  /** For `REQUESTS_EXCEEDED`: how long to wait. */
  readonly retryAfterMs?: number;
}

/** A success carrying its value. */
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

/** The result of every service operation that can be refused. */
export type Outcome<T> = Success<T> | Failure;

/** Builds a success. */
export function succeed<T>(value: T): Success<T> {
  return { ok: true, value };
}

const messages: Record<ErrorCode, string> = {
  INVALID_CREDENTIALS: "Invalid user credentials.",
  INVALID_TOKEN: "Invalid token.",
  TOKEN_EXPIRED: "Token expired.",
  INVALID_PAYLOAD: "Invalid payload.",
  FORBIDDEN: "You don't have permission to access this.",
  NOT_FOUND: "Not found.",
  REQUESTS_EXCEEDED: "Too many requests, retry later.",
};

/** Builds a refusal with the default message for its code (or a given one). */
export function fail(code: ErrorCode, reason: Reason, message?: string): Failure {
  return { ok: false, code, reason, message: message ?? messages[code] };
}
