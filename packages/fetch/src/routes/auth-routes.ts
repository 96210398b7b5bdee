import type { TokenPair } from "@tessera/core";
import { clearCookie, readCookie, serializeCookie } from "../cookies.ts";
import { readBody } from "../read-body.ts";
import { invalidPayload, refusalOf } from "../refusal.ts";
import { dataResponse, noContentResponse, refusalResponse } from "../responses.ts";
import type { RouteContext } from "../route-context.ts";
import { type AuthMode, loginSchema, logoutSchema, refreshSchema } from "../schemas.ts";

// These routes read no Authorization header at all: a stale or junk bearer
// left behind by a client must not stop it from logging in or refreshing.

/**
 * Directus's answer: the pair in the body (json), or the refresh token (cookie) and the access token too (session) in
 * cookies. In json and cookie modes the client sends its access token as a bearer; a session cookie left from an
 * earlier session-mode login would travel with it and make every request ambiguous (400), so it is cleared.
 */
function tokenResponse(context: RouteContext, pair: TokenPair, mode: AuthMode, cookieHeader: string | null): Response {
  const { options } = context;
  const now = options.now();
  const staleSession = mode !== "session" && readCookie(cookieHeader, options.sessionCookie.name) !== null;
  if (mode === "json") {
    const data = { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires: pair.expires };
    return dataResponse(data, staleSession ? [["Set-Cookie", clearCookie(options.sessionCookie)]] : undefined);
  }
  const headers = new Headers();
  headers.append("Set-Cookie", serializeCookie(options.refreshCookie, pair.refreshToken, (pair.refreshExpiresAt - now) / 1000));
  if (staleSession) headers.append("Set-Cookie", clearCookie(options.sessionCookie));
  if (mode === "cookie") return dataResponse({ access_token: pair.accessToken, expires: pair.expires }, headers);
  headers.append("Set-Cookie", serializeCookie(options.sessionCookie, pair.accessToken, (pair.accessExpiresAt - now) / 1000));
  return dataResponse({ expires: pair.expires }, headers);
}

/** The refresh token from the body, else from the refresh cookie; and the mode, defaulting as Directus does. */
function presentedRefreshToken(context: RouteContext, body: { refresh_token?: string | undefined; mode?: AuthMode | undefined }, cookieHeader: string | null) {
  const mode: AuthMode = body.mode ?? (body.refresh_token === undefined ? "cookie" : "json");
  const token = body.refresh_token ?? readCookie(cookieHeader, context.options.refreshCookie.name);
  return { mode, token };
}

const missingRefreshToken = invalidPayload(
  "The refresh token is required in either the payload (refresh_token) or the refresh cookie.",
  "missing_token",
);

/** `POST /auth/login`: email and password for a token pair. */
export async function loginRoute(context: RouteContext): Promise<Response> {
  const body = await readBody(context, loginSchema);
  if (body instanceof Response) return body;
  const { email, password, mode = "json" } = body;
  const userAgent = context.request.headers.get("user-agent");
  const outcome = await context.tessera.login({ email, password, ip: context.connection?.clientAddress ?? null, userAgent: userAgent === null ? null : userAgent.slice(0, 512) });
  if (!outcome.ok) return refusalResponse(refusalOf(outcome));
  return tokenResponse(context, outcome.value, mode, context.request.headers.get("cookie"));
}

/** `POST /auth/refresh`: spends a refresh token for a new pair. */
export async function refreshRoute(context: RouteContext): Promise<Response> {
  const body = await readBody(context, refreshSchema);
  if (body instanceof Response) return body;
  // Read once: the refresh token may come from it, and a stale session cookie in it is cleared.
  const cookieHeader = context.request.headers.get("cookie");
  const { mode, token } = presentedRefreshToken(context, body, cookieHeader);
  if (token === null) return refusalResponse(missingRefreshToken);
  const outcome = await context.tessera.refresh(token);
  if (!outcome.ok) return refusalResponse(refusalOf(outcome));
  return tokenResponse(context, outcome.value, mode, cookieHeader);
}

/** `POST /auth/logout`: ends the session (or every session with `scope: "all"`) and clears the cookies; 204 even for an unknown token. */
export async function logoutRoute(context: RouteContext): Promise<Response> {
  const body = await readBody(context, logoutSchema);
  if (body instanceof Response) return body;
  const { mode, token } = presentedRefreshToken(context, body, context.request.headers.get("cookie"));
  if (token === null) return refusalResponse(missingRefreshToken);
  const outcome = await context.tessera.logout(token, body.scope);
  // A cookie whose token is spent or unknown is useless: clear it whatever the outcome. JSON mode sets none.
  const cleared: [string, string][] | undefined =
    mode === "json" ? undefined : [["Set-Cookie", clearCookie(context.options.refreshCookie)], ["Set-Cookie", clearCookie(context.options.sessionCookie)]];
  // As in Directus, a token the server does not know (never issued, or its session pruned since) has no session left
  // to end: logout still succeeds, so that a client holding a stale token can always log out.
  if (!outcome.ok && outcome.reason !== "unknown") {
    const response = refusalResponse(refusalOf(outcome));
    for (const [name, value] of cleared ?? []) response.headers.append(name, value);
    return response;
  }
  return noContentResponse(cleared);
}
