import type { RefreshTokenRecord, SessionRecord, StaticTokenRecord, Store } from "@tessera/core";

/** One write, as it is appended to the journal. */
export type JournalEntry =
  | { readonly kind: "session"; readonly session: SessionRecord }
  | { readonly kind: "token"; readonly token: RefreshTokenRecord }
  | { readonly kind: "static"; readonly userId: string; readonly record: StaticTokenRecord | null };

/** A store that is a journal of writes plus the state they fold into; the host persists the journal as it likes. */
export interface JournalStore extends Store {
  readonly journal: readonly JournalEntry[];
}

/**
 * A store of the embedding program's own: every write is an entry in an
 * append-only journal (which a real host would persist to a file, a KV store or
 * a replicated log) folded into in-memory indexes. Compare-and-set holds
 * because each method checks and appends without awaiting in between.
 */
export function createJournalStore(): JournalStore {
  const journal: JournalEntry[] = [];
  const sessions = new Map<string, SessionRecord>();
  const tokens = new Map<string, RefreshTokenRecord>();
  const statics = new Map<string, StaticTokenRecord>();
  const apply = (entry: JournalEntry) => {
    journal.push(entry);
    if (entry.kind === "session") sessions.set(entry.session.id, entry.session);
    else if (entry.kind === "token") tokens.set(entry.token.hash, entry.token);
    else if (entry.record === null) statics.delete(entry.userId);
    else statics.set(entry.userId, entry.record);
  };
  const revoke = (session: SessionRecord, at: number, reason: string) => apply({ kind: "session", session: { ...session, revokedAt: at, revokedReason: reason } });
  return {
    journal,
    async insertSession(session, token) {
      apply({ kind: "session", session });
      apply({ kind: "token", token });
    },
    findRefreshToken: async (hash) => tokens.get(hash) ?? null,
    findSession: async (id) => sessions.get(id) ?? null,
    async rotateRefreshToken(rotation) {
      const token = tokens.get(rotation.presentedHash);
      const session = sessions.get(rotation.sessionId);
      if (token?.state !== "live" || session === undefined || session.revokedAt !== null) return false;
      apply({ kind: "token", token: { ...token, state: "rotated", rotatedAt: rotation.rotatedAt, rotationNonce: rotation.rotationNonce, successorHash: rotation.successor.hash } });
      apply({ kind: "token", token: rotation.successor });
      apply({ kind: "session", session: { ...session, lastRefreshedAt: rotation.rotatedAt } });
      return true;
    },
    async revokeSession(id, at, reason) {
      const session = sessions.get(id);
      if (session === undefined || session.revokedAt !== null) return false;
      revoke(session, at, reason);
      return true;
    },
    async revokeUserSessions(userId, at, reason, keep) {
      const live = [...sessions.values()].filter((s) => s.userId === userId && s.revokedAt === null && s.id !== keep);
      for (const session of live) revoke(session, at, reason);
      return live.length;
    },
    listLiveSessions: async (userId, now) =>
      [...sessions.values()].filter((s) => s.userId === userId && s.revokedAt === null && (s.expiresAt === null || now < s.expiresAt)).sort((a, b) => b.createdAt - a.createdAt),
    putStaticToken: async (record) => apply({ kind: "static", userId: record.userId, record }),
    findStaticToken: async (hash) => [...statics.values()].find((r) => r.hash === hash) ?? null,
    async deleteStaticToken(userId) {
      if (!statics.has(userId)) return false;
      apply({ kind: "static", userId, record: null });
      return true;
    },
    async touchStaticToken(hash, at) {
      const record = [...statics.values()].find((r) => r.hash === hash);
      if (record !== undefined) apply({ kind: "static", userId: record.userId, record: { ...record, lastUsedAt: at } });
    },
  };
}
