// Deliberately broken services. The teeth test asserts that the properties
// catch every one of them; a variant that survives is a hole in the suite.
import { decideAccessBinding, decideAccessClaims, decideRefresh, type StaticTokenRecord, type Store } from "@tessera/core";
import type { Variant } from "./system.ts";

/** A rotated token presented outside the rules is refused, but its session is left alive. */
const reuseDetectionOff: Variant = {
  name: "reuse detection off",
  decisions: {
    decideRefresh: (records, now, policy) => {
      const verdict = decideRefresh(records, now, policy);
      return verdict.kind === "reject" ? { ...verdict, revokeSession: false } : verdict;
    },
  },
};

/** A rotated token keeps returning its successor however late it comes back. */
const graceUnbounded: Variant = {
  name: "grace window unbounded",
  decisions: { decideRefresh: (records, now, policy) => decideRefresh(records, now, { ...policy, reuseGraceMs: Number.POSITIVE_INFINITY }) },
};

/** A refresh token still works at exactly its `expiresAt`. */
const refreshExpiryOffByOne: Variant = {
  name: "refresh expiry off by one millisecond",
  decisions: {
    decideRefresh: (records, now, policy) =>
      decideRefresh(records.token === null ? records : { ...records, token: { ...records.token, expiresAt: records.token.expiresAt + 1 } }, now, policy),
  },
};

/** An access token still works at exactly `exp * 1000`. */
const accessExpiryOffByOne: Variant = {
  name: "access expiry off by one millisecond",
  decisions: {
    decideAccessClaims: (claims, now, policy) => {
      const rejection = decideAccessClaims(claims, now, policy);
      return rejection === "expired" && now === claims.exp * 1000 ? null : rejection;
    },
  },
};

/** A session still works at exactly its hard cap (`sessionMaxAge`). */
const sessionCapOffByOne: Variant = {
  name: "session cap off by one millisecond",
  decisions: {
    decideRefresh: (records, now, policy) => {
      const session = records.session;
      return decideRefresh(session?.expiresAt == null ? records : { ...records, session: { ...session, expiresAt: session.expiresAt + 1 } }, now, policy);
    },
  },
};

/** Logout revokes the session, but its access tokens still pass session binding. */
const logoutLeavesAccessAlive: Variant = {
  name: "logout leaves access tokens alive",
  decisions: {
    decideAccessBinding: (claims, records, now) => {
      const session = records.session;
      const loggedOut = session !== null && (session.revokedReason === "logout" || session.revokedReason === "logout_all");
      return decideAccessBinding(claims, loggedOut ? { ...records, session: { ...session, revokedAt: null } } : records, now);
    },
  },
};

/** Regenerating a static token stores the new one but the old one keeps working. */
const regenerateKeepsOldStatic: Variant = {
  name: "regenerate keeps the old static token",
  wrapStore: (store) => {
    const kept = new Map<string, StaticTokenRecord>();
    return {
      ...bound(store),
      async putStaticToken(record) {
        kept.set(record.hash, record);
        await store.putStaticToken(record);
      },
      async findStaticToken(hash) {
        return (await store.findStaticToken(hash)) ?? kept.get(hash) ?? null;
      },
      async deleteStaticToken(userId) {
        for (const [hash, old] of kept) if (old.userId === userId) kept.delete(hash);
        return store.deleteStaticToken(userId);
      },
    };
  },
};

/** A lost compare-and-set is taken for a win: two concurrent refreshes both get a successor. */
const lostRotationIgnored: Variant = {
  name: "lost compare-and-set of a rotation ignored",
  wrapStore: (store) => ({
    ...bound(store),
    async rotateRefreshToken(rotation) {
      await store.rotateRefreshToken(rotation);
      return true;
    },
  }),
};

/** Suspending a user flips the status but leaves the sessions alive (they come back on reactivation). */
const suspensionLeavesSessions: Variant = {
  name: "suspension leaves sessions alive",
  wrapStore: (store) => ({
    ...bound(store),
    revokeUserSessions: (userId, at, reason, keep) => (reason === "user_suspended" ? Promise.resolve(0) : store.revokeUserSessions(userId, at, reason, keep)),
  }),
};

function bound(store: Store): Store {
  return {
    insertSession: (s, t) => store.insertSession(s, t),
    findRefreshToken: (h) => store.findRefreshToken(h),
    findSession: (id) => store.findSession(id),
    rotateRefreshToken: (r) => store.rotateRefreshToken(r),
    revokeSession: (id, at, why) => store.revokeSession(id, at, why),
    revokeUserSessions: (u, at, why, keep) => store.revokeUserSessions(u, at, why, keep),
    listLiveSessions: (u, now) => store.listLiveSessions(u, now),
    putStaticToken: (r) => store.putStaticToken(r),
    findStaticToken: (h) => store.findStaticToken(h),
    deleteStaticToken: (u) => store.deleteStaticToken(u),
    touchStaticToken: (h, at) => store.touchStaticToken(h, at),
  };
}

/** Every broken variant, the five first. */
export const brokenVariants: readonly Variant[] = [
  reuseDetectionOff,
  graceUnbounded,
  refreshExpiryOffByOne,
  accessExpiryOffByOne,
  logoutLeavesAccessAlive,
  regenerateKeepsOldStatic,
  sessionCapOffByOne,
  lostRotationIgnored,
  suspensionLeavesSessions,
];
