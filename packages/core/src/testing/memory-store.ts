import type { Store } from "../ports/store.ts";
import type { RefreshTokenRecord, SessionRecord, StaticTokenRecord } from "../records.ts";

/** Everything a memory store holds, in a stable order, for comparing runs. */
export interface StoreSnapshot {
  readonly sessions: readonly SessionRecord[];
  readonly refreshTokens: readonly RefreshTokenRecord[];
  readonly staticTokens: readonly StaticTokenRecord[];
}

/** The memory store: the {@link Store} port plus a snapshot for tests. */
export interface MemoryStore extends Store {
  snapshot(): StoreSnapshot;
}

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * The {@link Store} port in plain Maps, for tests and for embedding. Each method
 * checks and writes without awaiting in between, so its compare-and-set is
 * atomic within one JavaScript process.
 *
 * @example
 * const store = createMemoryStore();
 */
export function createMemoryStore(): MemoryStore {
  const sessions = new Map<string, SessionRecord>();
  const tokens = new Map<string, RefreshTokenRecord>();
  const staticByUser = new Map<string, StaticTokenRecord>();
  const staticByHash = new Map<string, StaticTokenRecord>();
  const revoke = (session: SessionRecord, at: number, reason: string) => sessions.set(session.id, { ...session, revokedAt: at, revokedReason: reason });

  return {
    async insertSession(session, token) {
      sessions.set(session.id, session);
      tokens.set(token.hash, token);
    },
    async findRefreshToken(hash) {
      return tokens.get(hash) ?? null;
    },
    async findSession(id) {
      return sessions.get(id) ?? null;
    },
    async rotateRefreshToken(rotation) {
      const token = tokens.get(rotation.presentedHash);
      const session = sessions.get(rotation.sessionId);
      if (token === undefined || token.state !== "live" || token.sessionId !== rotation.sessionId || session === undefined || session.revokedAt !== null) return false;
      tokens.set(token.hash, {
        ...token,
        state: "rotated",
        rotatedAt: rotation.rotatedAt,
        rotationNonce: rotation.rotationNonce,
        successorHash: rotation.successor.hash,
      });
      tokens.set(rotation.successor.hash, rotation.successor);
      sessions.set(session.id, { ...session, lastRefreshedAt: rotation.rotatedAt });
      return true;
    },
    async revokeSession(sessionId, at, reason) {
      const session = sessions.get(sessionId);
      if (session === undefined || session.revokedAt !== null) return false;
      revoke(session, at, reason);
      return true;
    },
    async revokeUserSessions(userId, at, reason, keepSessionId) {
      let count = 0;
      for (const session of sessions.values()) {
        if (session.userId !== userId || session.revokedAt !== null || session.id === keepSessionId) continue;
        revoke(session, at, reason);
        count++;
      }
      return count;
    },
    async listLiveSessions(userId, now) {
      return [...sessions.values()]
        .filter((s) => s.userId === userId && s.revokedAt === null && (s.expiresAt === null || now < s.expiresAt))
        .sort((a, b) => b.createdAt - a.createdAt || byKey<SessionRecord>((s) => s.id)(a, b));
    },
    async putStaticToken(record) {
      const old = staticByUser.get(record.userId);
      if (old !== undefined) staticByHash.delete(old.hash);
      staticByUser.set(record.userId, record);
      staticByHash.set(record.hash, record);
    },
    async findStaticToken(hash) {
      return staticByHash.get(hash) ?? null;
    },
    async deleteStaticToken(userId) {
      const old = staticByUser.get(userId);
      if (old === undefined) return false;
      staticByUser.delete(userId);
      staticByHash.delete(old.hash);
      return true;
    },
    async touchStaticToken(hash, at) {
      const record = staticByHash.get(hash);
      if (record === undefined) return;
      const touched = { ...record, lastUsedAt: at };
      staticByHash.set(hash, touched);
      staticByUser.set(record.userId, touched);
    },
    snapshot() {
      return {
        sessions: [...sessions.values()].sort(byKey((s) => s.id)),
        refreshTokens: [...tokens.values()].sort(byKey((t) => t.hash)),
        staticTokens: [...staticByUser.values()].sort(byKey((t) => t.userId)),
      };
    },
  };
}
