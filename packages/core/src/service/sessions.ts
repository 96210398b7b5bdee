import { fail, type Outcome, succeed } from "../outcome.ts";
import type { SessionRecord } from "../records.ts";
import type { ServiceContext } from "./context.ts";
import { userNotFound } from "./users.ts";

/** A session as shown to its user. */
export type SessionSummary = Omit<SessionRecord, "revokedAt" | "revokedReason">;

/** The user's live sessions, newest first, or NOT_FOUND for an unknown user. */
export async function listSessions(ctx: ServiceContext, userId: string): Promise<Outcome<readonly SessionSummary[]>> {
  if ((await ctx.users.findUserById(userId)) === null) return userNotFound;
  const sessions = await ctx.store.listLiveSessions(userId, ctx.clock.now());
  return succeed(sessions.map(({ revokedAt: _r, revokedReason: _why, ...summary }) => summary));
}

/** Ends one of the user's sessions; NOT_FOUND when it is not theirs or already over. */
export async function revokeSession(ctx: ServiceContext, userId: string, sessionId: string): Promise<Outcome<{ readonly id: string }>> {
  const session = await ctx.store.findSession(sessionId);
  if (session === null || session.userId !== userId) return fail("NOT_FOUND", "not_found", "Session not found.");
  const now = ctx.clock.now();
  if (!(await ctx.store.revokeSession(sessionId, now, "revoked_by_user"))) return fail("NOT_FOUND", "not_found", "Session not found.");
  ctx.emit("session_revoked", now, userId, sessionId);
  return succeed({ id: sessionId });
}

/** Ends every session of a user (admin): how many, or NOT_FOUND for an unknown user. */
export async function revokeAllSessions(ctx: ServiceContext, userId: string): Promise<Outcome<{ readonly revoked: number }>> {
  if ((await ctx.users.findUserById(userId)) === null) return userNotFound;
  const now = ctx.clock.now();
  const revoked = await ctx.store.revokeUserSessions(userId, now, "revoked_by_admin");
  if (revoked > 0) ctx.emit("session_revoked", now, userId, null, "all");
  return succeed({ revoked });
}
