import { accessExpirySeconds } from "../decisions/decide-access.ts";
import { encodeAccessToken } from "../jwt/encode-jwt.ts";
import type { UserRecord } from "../records.ts";
import type { ServiceContext } from "./context.ts";

/** A login or refresh result: Directus's `access_token`, `refresh_token`, `expires` and more. */
export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  /**
   * Access-token lifetime in ms, as Directus's `expires`: exactly how long the token is accepted from now
   * (`exp` is in whole seconds, so this is the TTL less up to 999 ms), so a client that refreshes on it is never late.
   */
  readonly expires: number;
  /** When the access token expires, epoch ms. */
  readonly accessExpiresAt: number;
  /** When the refresh token expires, epoch ms (for the cookie's lifetime). */
  readonly refreshExpiresAt: number;
  readonly sessionId: string;
  readonly userId: string;
}

/** Signs an access token for a user's session and pairs it with a refresh token. */
export async function issuePair(
  ctx: ServiceContext,
  user: UserRecord,
  sessionId: string,
  refreshToken: string,
  refreshExpiresAt: number,
  now: number,
): Promise<TokenPair> {
  const exp = accessExpirySeconds(now, ctx.policy);
  const claims = { id: user.id, role: user.role, sub: user.id, sid: sessionId, iat: Math.floor(now / 1000), exp, iss: ctx.policy.issuer };
  const accessToken = await encodeAccessToken(claims, ctx.keyring().signing, ctx.crypto);
  return {
    accessToken,
    refreshToken,
    expires: exp * 1000 - now,
    accessExpiresAt: exp * 1000,
    refreshExpiresAt,
    sessionId,
    userId: user.id,
  };
}
