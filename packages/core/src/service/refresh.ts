import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { planRotation, type RefreshRecords } from "../decisions/decide-refresh.ts";
import { fail, type Failure, type Outcome, succeed } from "../outcome.ts";
import { deriveSuccessorToken, hashSecret, verifyRefreshTokenShape } from "../tokens/refresh-token.ts";
import { encodeBase64url } from "../util/base64url.ts";
import { encodeUtf8 } from "../util/utf8.ts";
import type { ServiceContext } from "./context.ts";
import { issuePair, type TokenPair } from "./issue-access-token.ts";

// A lost compare-and-set means another request changed the token in between;
// re-reading then always lands on a settled state (rotated or revoked).
const maxAttempts = 3;

/**
 * Spends a refresh token for a new pair (rules 1 to 4 of DESIGN.md): rotation,
 * retry grace with the same successor, reuse detection, expiry.
 */
export async function refresh(ctx: ServiceContext, refreshToken: string): Promise<Outcome<TokenPair>> {
  if (!verifyRefreshTokenShape(refreshToken)) return fail("INVALID_CREDENTIALS", "unknown");
  const hash = await hashSecret(refreshToken, ctx.crypto);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const now = ctx.clock.now();
    const records = await ctx.combinedReads.findRefreshRecords(hash);
    const verdict = ctx.decisions.decideRefresh(records, now, ctx.policy);
    const { token, session, user } = records;
    if (verdict.kind === "reject" || token === null || session === null || user === null) {
      return reject(ctx, records, now, verdict.kind === "reject" ? verdict : { reason: "unknown", revokeSession: false });
    }
    if (verdict.kind === "retry") {
      const successor = await deriveSuccessorToken(refreshToken, verdict.nonce, ctx.crypto);
      const successorHash = await hashSecret(successor, ctx.crypto);
      if (!constantTimeEqual(encodeUtf8(successorHash), encodeUtf8(verdict.successorHash))) {
        return reject(ctx, records, now, { reason: "reused", revokeSession: true });
      }
      ctx.emit("refresh_retried", now, user.id, session.id);
      return succeed(await issuePair(ctx, user, session.id, successor, records.successor?.expiresAt ?? token.expiresAt, now));
    }
    const nonce = encodeBase64url(ctx.random.bytes(16));
    const successor = await deriveSuccessorToken(refreshToken, nonce, ctx.crypto);
    const rotation = planRotation(token, session, now, ctx.policy, { nonce, successorHash: await hashSecret(successor, ctx.crypto) });
    if (await ctx.store.rotateRefreshToken(rotation)) {
      ctx.emit("refresh", now, user.id, session.id);
      return succeed(await issuePair(ctx, user, session.id, successor, rotation.successor.expiresAt, now));
    }
  }
  return fail("INVALID_CREDENTIALS", "revoked");
}

async function reject(
  ctx: ServiceContext,
  records: RefreshRecords,
  now: number,
  verdict: { readonly reason: Failure["reason"]; readonly revokeSession: boolean },
): Promise<Failure> {
  const session = records.session;
  if (verdict.revokeSession && session !== null) {
    await ctx.store.revokeSession(session.id, now, "refresh_token_reused");
    ctx.emit("refresh_token_reused", now, session.userId, session.id, verdict.reason);
  }
  return fail("INVALID_CREDENTIALS", verdict.reason);
}
