import { decodeAccessToken } from "../jwt/decode-jwt.ts";
import { fail, type Outcome, succeed } from "../outcome.ts";
import { hashSecret } from "../tokens/refresh-token.ts";
import { verifyStaticTokenChecksum, verifyStaticTokenShape } from "../tokens/static-token.ts";
import type { ServiceContext } from "./context.ts";
import { type PublicUser, toPublicUser } from "./users.ts";

/** Who a request acts for, and through which kind of token. */
export interface Principal {
  readonly userId: string;
  readonly role: string;
  /** The session of an access token; null for a static token. */
  readonly sessionId: string | null;
  readonly via: "access" | "static";
  /** The user as looked up while verifying (session binding and static tokens); absent in stateless binding. */
  readonly user?: PublicUser;
}

/**
 * Verifies an access token (rule 6): known `kid`, its configured algorithm, a
 * valid signature, `now < exp`, and in session binding a live session of an
 * active user. Stateless binding skips both look-ups.
 */
export async function verifyAccessToken(ctx: ServiceContext, token: string): Promise<Outcome<Principal>> {
  const decoded = await decodeAccessToken(token, ctx.keyring(), ctx.crypto);
  if (!decoded.ok) return fail("INVALID_TOKEN", decoded.reason);
  const { claims } = decoded;
  const now = ctx.clock.now();
  const claimsRejection = ctx.decisions.decideAccessClaims(claims, now, ctx.policy);
  if (claimsRejection === "expired") return fail("TOKEN_EXPIRED", "expired");
  if (claimsRejection !== null) return fail("INVALID_TOKEN", claimsRejection);
  if (ctx.policy.accessBinding === "session") {
    const { session, user } = await ctx.combinedReads.findSessionAndUser(claims.sid, claims.sub);
    const bindingRejection = ctx.decisions.decideAccessBinding(claims, { session, user }, now);
    if (bindingRejection !== null) return fail("INVALID_TOKEN", bindingRejection);
    if (user === null) return fail("INVALID_TOKEN", "user_inactive");
    return succeed({ userId: claims.sub, role: user.role, sessionId: claims.sid, via: "access", user: toPublicUser(user) });
  }
  return succeed({ userId: claims.sub, role: claims.role, sessionId: claims.sid, via: "access" });
}

/**
 * Verifies a static token (rule 7). A token with a bad checksum is refused
 * before any store read; a known token works while its user is active.
 */
export async function verifyStaticToken(ctx: ServiceContext, token: string): Promise<Outcome<Principal>> {
  if (!verifyStaticTokenShape(token)) return fail("INVALID_TOKEN", "malformed");
  if (!verifyStaticTokenChecksum(token)) return fail("INVALID_TOKEN", "bad_checksum");
  const hash = await hashSecret(token, ctx.crypto);
  const { token: record, user } = await ctx.combinedReads.findStaticTokenAndUser(hash);
  if (record === null) return fail("INVALID_TOKEN", "unknown");
  if (user === null || user.status !== "active") return fail("INVALID_TOKEN", "user_inactive");
  const now = ctx.clock.now();
  if (record.lastUsedAt === null || now - record.lastUsedAt >= ctx.policy.staticTokenTouchMs) {
    await ctx.store.touchStaticToken(hash, now);
  }
  return succeed({ userId: user.id, role: user.role, sessionId: null, via: "static", user: toPublicUser(user) });
}

/** Verifies a bearer token of either kind: `tsk_…` as a static token, anything else as an access token. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<Outcome<Principal>> {
  return token.startsWith("tsk_") ? verifyStaticToken(ctx, token) : verifyAccessToken(ctx, token);
}
