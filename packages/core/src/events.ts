/** Everything the core reports. Events never carry a token, a hash or a password. */
export const eventTypes = [
  "login",
  "login_failed",
  "refresh",
  "refresh_retried",
  "refresh_token_reused",
  "logout",
  "session_revoked",
  "static_token_generated",
  "static_token_revoked",
  "user_created",
  "user_updated",
  "user_suspended",
  "user_deleted",
  "password_changed",
] as const;
/** See {@link eventTypes}. */
export type EventType = (typeof eventTypes)[number];

/** One event, with the time it happened (epoch ms) and whom it concerns. */
export interface TesseraEvent {
  readonly type: EventType;
  readonly at: number;
  readonly userId: string | null;
  readonly sessionId: string | null;
  /** For failures and revocations: why. */
  readonly reason?: string;
}

/** Receives events synchronously; it must not throw (a throw is caught and ignored). */
export type EventListener = (event: TesseraEvent) => void;
