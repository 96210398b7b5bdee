import type { RefreshRecords } from "../decisions/decide-refresh.ts";
import type { SessionRecord, StaticTokenRecord, UserRecord } from "../records.ts";
import type { Store } from "./store.ts";
import type { UserDirectory } from "./user-directory.ts";

/** A session and a user, as session binding checks an access token against them. */
export interface SessionAndUser {
  readonly session: SessionRecord | null;
  readonly user: UserRecord | null;
}

/** A static token and its user. */
export interface StaticTokenAndUser {
  readonly token: StaticTokenRecord | null;
  readonly user: UserRecord | null;
}

/**
 * Optional: the look-ups of one request read together. A store that also
 * holds the users may offer it (the SQL store does): on SQLite each read is a
 * transaction of its own, with its own file-lock system calls, so reading
 * together saves one or two of them per request. The results must be what the
 * separate {@link Store} and {@link UserDirectory} calls would return.
 */
export interface CombinedReads {
  /** `findSession(sessionId)` and `findUserById(userId)`. */
  findSessionAndUser(sessionId: string, userId: string): Promise<SessionAndUser>;
  /** What a refresh decides on: the token with this hash, its session, its successor (if rotated) and its user. */
  findRefreshRecords(hash: string): Promise<RefreshRecords>;
  /** `findStaticToken(hash)` and, if there is one, the user it belongs to. */
  findStaticTokenAndUser(hash: string): Promise<StaticTokenAndUser>;
}

const combinedReadNames = ["findSessionAndUser", "findRefreshRecords", "findStaticTokenAndUser"] as const;

/**
 * The combined reads to use: the store's own, when the same object was given
 * as `store` and as `users` (so that both halves come from one database), or
 * null, and the service reads one record at a time.
 */
export function combinedReadsOf(store: Store, users: UserDirectory): CombinedReads | null {
  if ((store as unknown) !== users) return null;
  const candidate = store as Partial<CombinedReads>;
  return combinedReadNames.every((name) => typeof candidate[name] === "function") ? (candidate as CombinedReads) : null;
}
