import { fail, type Outcome, succeed } from "../outcome.ts";
import { hashSecret, verifyRefreshTokenShape } from "../tokens/refresh-token.ts";
import type { ServiceContext } from "./context.ts";

/** `session` ends the presented token's session; `all` ends every session of its user. */
export const logoutScopes = ["session", "all"] as const;
/** See {@link logoutScopes}. */
export type LogoutScope = (typeof logoutScopes)[number];

/**
 * Ends the session of a refresh token (rule 5). Idempotent: a token whose
 * session is already over still succeeds, so a retried logout never errors.
 * Any token of the session will do (live, rotated or expired): the holder asks
 * to end it, which is also what reuse detection would do.
 */
export async function logout(ctx: ServiceContext, refreshToken: string, scope: LogoutScope = "session"): Promise<Outcome<{ readonly revoked: number }>> {
  if (!verifyRefreshTokenShape(refreshToken)) return fail("INVALID_CREDENTIALS", "unknown");
  const now = ctx.clock.now();
  const token = await ctx.store.findRefreshToken(await hashSecret(refreshToken, ctx.crypto));
  if (token === null) return fail("INVALID_CREDENTIALS", "unknown");
  const revoked =
    scope === "all"
      ? await ctx.store.revokeUserSessions(token.userId, now, "logout_all")
      : Number(await ctx.store.revokeSession(token.sessionId, now, "logout"));
  ctx.emit("logout", now, token.userId, token.sessionId, scope);
  return succeed({ revoked });
}
