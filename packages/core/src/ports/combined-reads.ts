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
 * The combined reads done one look-up at a time (independent ones side by
 * side, so that on PostgreSQL they overlap instead of costing round trips in
 * a row): what the core uses when the store offers nothing better, and what a
 * store can fall back on when its driver cannot read in one transaction.
 */
export function readSeparately(
  store: Pick<Store, "findRefreshToken" | "findSession" | "findStaticToken">,
  users: Pick<UserDirectory, "findUserById">,
): CombinedReads {
  return {
    async findSessionAndUser(sessionId, userId) {
      const [session, user] = await Promise.all([store.findSession(sessionId), users.findUserById(userId)]);
      return { session, user };
    },
    async findRefreshRecords(hash) {
      const token = await store.findRefreshToken(hash);
      if (token === null) return { token, session: null, successor: null, user: null };
      const [session, successor, user] = await Promise.all([
        store.findSession(token.sessionId),
        token.successorHash === null ? null : store.findRefreshToken(token.successorHash),
        users.findUserById(token.userId),
      ]);
      return { token, session, successor, user };
    },
    async findStaticTokenAndUser(hash) {
      const token = await store.findStaticToken(hash);
      return { token, user: token === null ? null : await users.findUserById(token.userId) };
    },
  };
}

/**
 * The combined reads the service uses: the store's own when the same object
 * was given as `store` and as `users` (so that both halves come from one
 * database) and it offers them, else {@link readSeparately}.
 */
export function combinedReadsOf(store: Store, users: UserDirectory): CombinedReads {
  const candidate = store as Partial<CombinedReads>;
  const offered = (store as unknown) === users && combinedReadNames.every((name) => typeof candidate[name] === "function");
  return offered ? (candidate as CombinedReads) : readSeparately(store, users);
}
