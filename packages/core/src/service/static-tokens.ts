import { fail, type Outcome, succeed } from "../outcome.ts";
import { hashSecret } from "../tokens/refresh-token.ts";
import { generateStaticToken } from "../tokens/static-token.ts";
import type { ServiceContext } from "./context.ts";
import { userNotFound } from "./users.ts";

/**
 * Generates a user's static token, replacing the old one, which stops working
 * at once (rule 7). The plaintext is returned here and never again.
 */
export async function generateUserStaticToken(ctx: ServiceContext, userId: string): Promise<Outcome<{ readonly token: string }>> {
  const user = await ctx.users.findUserById(userId);
  if (user === null) return userNotFound;
  if (user.status !== "active") return fail("FORBIDDEN", "user_inactive", "The user is not active.");
  const now = ctx.clock.now();
  const token = generateStaticToken(ctx.random);
  await ctx.store.putStaticToken({ userId, hash: await hashSecret(token, ctx.crypto), createdAt: now, lastUsedAt: null });
  ctx.emit("static_token_generated", now, userId, null);
  return succeed({ token });
}

/** Revokes a user's static token; succeeds whether or not there was one, NOT_FOUND for an unknown user. */
export async function revokeUserStaticToken(ctx: ServiceContext, userId: string): Promise<Outcome<{ readonly revoked: boolean }>> {
  if ((await ctx.users.findUserById(userId)) === null) return userNotFound;
  const revoked = await ctx.store.deleteStaticToken(userId);
  if (revoked) ctx.emit("static_token_revoked", ctx.clock.now(), userId, null);
  return succeed({ revoked });
}
