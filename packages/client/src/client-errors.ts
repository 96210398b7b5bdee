import type { ClientAuthMode } from "./client-options.ts";

/**
 * Every error the client throws on purpose: a `code` to branch on and a
 * `reason` finer than the code. Messages never contain a token or a password.
 */
export class ClientError extends Error {
  override readonly name: string = "ClientError";
  /** The server's code (`TOKEN_EXPIRED`, `INVALID_CREDENTIALS`, ...) or the client's own (`NETWORK_ERROR`, `NOT_LOGGED_IN`). */
  readonly code: string;
  /** The server's reason (`expired`, `reused`, `rate_limited`, ...) or the client's own. */
  readonly reason: string;
  constructor(code: string, reason: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.reason = reason;
  }
}

/** The server refused: an HTTP status with Directus's error envelope (or a bare status when it sent none). */
export class ApiError extends ClientError {
  override readonly name = "ApiError";
  readonly status: number;
  /** From `Retry-After` on a 429 `REQUESTS_EXCEEDED`; null otherwise. */
  readonly retryAfterMs: number | null;
  constructor(status: number, code: string, reason: string, message: string, retryAfterMs: number | null = null) {
    super(code, reason, message);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Why a request got no usable answer. */
export type NetworkFailure = "unreachable" | "timeout" | "bad_response";

/** No usable answer: the server was unreachable, too slow, or answered with something that is not Tessera's wire format. */
export class NetworkError extends ClientError {
  override readonly name = "NetworkError";
  constructor(reason: NetworkFailure, message: string, options?: { cause?: unknown }) {
    super("NETWORK_ERROR", reason, message, options);
  }
}

/** The operation needs a session and there is none (never logged in, logged out, or logged out in another tab). */
export class NotLoggedInError extends ClientError {
  override readonly name = "NotLoggedInError";
  constructor(message = "Not logged in: call login() first.") {
    super("NOT_LOGGED_IN", "no_session", message);
  }
}

/**
 * Whether a refusal ends the session here and in every tab sharing the storage: the refresh token was spent, revoked
 * or expired (401), or its cookie is gone (400 `missing_token`: the browser dropped it when it expired).
 */
export const endsSession = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 401 || (error.status === 400 && error.reason === "missing_token"));

/**
 * Whether a refusal means the access token in use is stale: TOKEN_EXPIRED, or in session mode a missing token too
 * (a browser drops an expired session cookie by its own clock, which may run ahead of the client's).
 */
export const isStaleAccess = (error: unknown, mode: ClientAuthMode): boolean =>
  error instanceof ApiError && (error.code === "TOKEN_EXPIRED" || (mode === "session" && error.status === 401 && error.reason === "missing_token"));
