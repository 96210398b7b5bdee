import type { RefreshTokenRecord, SessionRecord, Store } from "@tessera/core";
import type { Kysely } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";
import { param, prepareQuery } from "./prepared-query.ts";
import type { RecordLookUps } from "./record-look-ups.ts";
import { createRotation, requireFreshToken } from "./rotate-refresh-token.ts";
import { changedRows, sessionColumns, toSessionRecord } from "./row-mappers.ts";
import type { SqlDialect } from "./sql-dialect.ts";
import type { SqliteSyncRunner } from "./sqlite-sync-runner.ts";

/** The session and refresh-token half of the {@link Store} port. */
export type SessionStore = Pick<
  Store,
  "insertSession" | "findRefreshToken" | "findSession" | "rotateRefreshToken" | "revokeSession" | "revokeUserSessions" | "listLiveSessions"
>;

const tokenRow = (token: RefreshTokenRecord) => ({
  hash: token.hash,
  session_id: token.sessionId,
  user_id: token.userId,
  issued_at: token.issuedAt,
  expires_at: token.expiresAt,
});

// A new session's first token is its live one; nothing has been rotated yet.
const sessionRow = (session: SessionRecord, token: RefreshTokenRecord) => ({
  id: session.id,
  user_id: session.userId,
  created_at: session.createdAt,
  expires_at: session.expiresAt,
  last_refreshed_at: session.lastRefreshedAt,
  revoked_at: session.revokedAt,
  revoked_reason: session.revokedReason,
  ip: session.ip,
  user_agent: session.userAgent,
  current_hash: token.hash,
  previous_hash: null,
  previous_rotated_at: null,
  previous_nonce: null,
});

/** Sessions and refresh tokens in SQL; every write that can race is a conditional update. */
export function createSessionStore(db: Kysely<TesseraDatabase>, dialect: SqlDialect, lookUps: RecordLookUps, runSync: SqliteSyncRunner): SessionStore {
  const revoke = prepareQuery<never, { id: string; at: number; reason: string }>(
    db.updateTable("sessions").set({ revoked_at: param("at"), revoked_reason: param("reason") }).where("id", "=", param("id")).where("revoked_at", "is", null).compile(),
  );
  const revokeAll = db.updateTable("sessions").set({ revoked_at: param("at"), revoked_reason: param("reason") }).where("user_id", "=", param("userId")).where("revoked_at", "is", null);
  const revokeUser = prepareQuery<never, { userId: string; at: number; reason: string }>(revokeAll.compile());
  const revokeUserExcept = prepareQuery<never, { userId: string; at: number; reason: string; keep: string }>(revokeAll.where("id", "<>", param("keep")).compile());
  const listLive = prepareQuery<Parameters<typeof toSessionRecord>[0], { userId: string; now: number }>(
    db
      .selectFrom("sessions")
      .select(sessionColumns)
      .where("user_id", "=", param("userId"))
      .where("revoked_at", "is", null)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", param<number>("now"))]))
      .orderBy("created_at", "desc")
      .orderBy("id", "asc")
      .compile(),
  );
  const rotate = createRotation(db, dialect, runSync);

  return {
    async insertSession(session, token) {
      requireFreshToken(token, session.id, "a new session's first token");
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("sessions").values(sessionRow(session, token)).execute();
        await trx.insertInto("refresh_tokens").values(tokenRow(token)).execute();
      });
    },
    findRefreshToken: lookUps.findRefreshToken,
    findSession: lookUps.findSession,
    rotateRefreshToken: rotate,
    async revokeSession(id, at, reason) {
      return changedRows(await db.executeQuery(revoke({ id, at, reason }))) === 1;
    },
    async revokeUserSessions(userId, at, reason, keep) {
      const query = keep === undefined ? revokeUser({ userId, at, reason }) : revokeUserExcept({ userId, at, reason, keep });
      return changedRows(await db.executeQuery(query));
    },
    async listLiveSessions(userId, now) {
      return (await db.executeQuery(listLive({ userId, now }))).rows.map(toSessionRecord);
    },
  };
}
