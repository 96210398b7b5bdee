import type { RefreshTokenRecord, SessionRecord, StaticTokenRecord } from "../records.ts";

/** One rotation, applied atomically by {@link Store.rotateRefreshToken}. */
export interface Rotation {
  /** Hash of the token being spent; it must still be `live`. */
  readonly presentedHash: string;
  readonly sessionId: string;
  readonly rotatedAt: number;
  readonly rotationNonce: string;
  /** The successor, inserted `live` in the same session. */
  readonly successor: RefreshTokenRecord;
}

/**
 * The persistence port, shaped by the domain. Every write that can race is a
 * compare-and-set: it states what it expects and reports whether it happened,
 * so that a token is spent once even across processes sharing one database.
 */
export interface Store {
  /** Inserts a new session and its first refresh token, atomically. */
  insertSession(session: SessionRecord, token: RefreshTokenRecord): Promise<void>;
  /** The refresh token with this hash, or null. */
  findRefreshToken(hash: string): Promise<RefreshTokenRecord | null>;
  /** The session with this id, or null. */
  findSession(id: string): Promise<SessionRecord | null>;
  /**
   * Compare-and-set: marks the presented token `rotated` (recording nonce and
   * successor hash) and inserts the successor, only if the presented token is
   * still `live` and its session not revoked. Returns false when it was not.
   *
   * A store may keep the rotation facts (`rotatedAt`, `rotationNonce`,
   * `successorHash`) for a session's last rotation only, as the SQL store
   * does: a token rotated before that may read back `rotated` with them null.
   * Its successor has been spent, so the retry grace cannot apply and
   * `decideRefresh` answers it as reuse with or without them.
   */
  rotateRefreshToken(rotation: Rotation): Promise<boolean>;
  /** Compare-and-set: revokes a session that is not revoked yet; false if it already was (or is absent). */
  revokeSession(sessionId: string, at: number, reason: string): Promise<boolean>;
  /** Revokes every unrevoked session of a user except `keepSessionId`; returns how many. */
  revokeUserSessions(userId: string, at: number, reason: string, keepSessionId?: string): Promise<number>;
  /** The user's sessions that are neither revoked nor past their hard end, newest first. */
  listLiveSessions(userId: string, now: number): Promise<readonly SessionRecord[]>;
  /** Stores a user's static token, replacing the previous one atomically. */
  putStaticToken(record: StaticTokenRecord): Promise<void>;
  /** The static token with this hash, or null. */
  findStaticToken(hash: string): Promise<StaticTokenRecord | null>;
  /** Deletes a user's static token; false if there was none. */
  deleteStaticToken(userId: string): Promise<boolean>;
  /** Records a use of a static token. */
  touchStaticToken(hash: string, at: number): Promise<void>;
}
