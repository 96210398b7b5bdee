import { decideLoginRate } from "../decisions/decide-login-rate.ts";
import { planSession } from "../decisions/decide-refresh.ts";
import { fail, type Outcome, succeed } from "../outcome.ts";
import { normalizeEmail } from "../records.ts";
import { generateRefreshToken, hashSecret } from "../tokens/refresh-token.ts";
import { generateId, type ServiceContext } from "./context.ts";
import { issuePair, type TokenPair } from "./issue-access-token.ts";

/** A login attempt. `ip` and `userAgent` describe the client, for rate limiting and the session list. */
export interface LoginCommand {
  readonly email: string;
  readonly password: string;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

/**
 * Logs in with email and password. An unknown email verifies a dummy hash, so
 * it costs one password verification exactly like a wrong password; both get
 * the same refusal.
 */
export async function login(ctx: ServiceContext, command: LoginCommand): Promise<Outcome<TokenPair>> {
  const now = ctx.clock.now();
  const email = normalizeEmail(command.email);
  const ip = command.ip ?? null;
  // The account key is stored by SQL rate limiters: hash it, since people paste passwords into the email field.
  const accountKey = `login:${await hashSecret(`${email}|${ip ?? "-"}`, ctx.crypto)}`;
  const addressKey = `login-address:${ip ?? "-"}`;
  const windowMs = ctx.policy.loginWindowMs;
  const wait = decideLoginRate(
    { accountAndAddress: await ctx.rateLimiter.peek(accountKey, now, windowMs), address: await ctx.rateLimiter.peek(addressKey, now, windowMs) },
    now,
    ctx.policy,
  );
  if (wait !== null) return { ...fail("REQUESTS_EXCEEDED", "rate_limited"), retryAfterMs: wait };
  await ctx.rateLimiter.hit(addressKey, now, windowMs);

  const user = await ctx.users.findUserByEmail(email);
  const hash = user?.passwordHash ?? (await ctx.dummyPasswordHash());
  const passwordMatches = await ctx.passwords.verify(hash, command.password);
  if (user === null || !passwordMatches) {
    await ctx.rateLimiter.hit(accountKey, now, windowMs);
    ctx.emit("login_failed", now, user?.id ?? null, null, "wrong_credentials");
    return fail("INVALID_CREDENTIALS", "wrong_credentials");
  }
  if (user.status !== "active") {
    ctx.emit("login_failed", now, user.id, null, "user_suspended");
    return fail("INVALID_CREDENTIALS", "user_suspended");
  }
  await ctx.rateLimiter.reset(accountKey);

  const refreshToken = generateRefreshToken(ctx.random);
  const draw = { sessionId: generateId(ctx.random), tokenHash: await hashSecret(refreshToken, ctx.crypto) };
  const planned = planSession(user, now, ctx.policy, draw, { ip, userAgent: command.userAgent ?? null });
  await ctx.store.insertSession(planned.session, planned.token);
  ctx.emit("login", now, user.id, planned.session.id);
  return succeed(await issuePair(ctx, user, planned.session.id, refreshToken, planned.token.expiresAt, now));
}
