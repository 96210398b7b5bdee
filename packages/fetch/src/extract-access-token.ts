import { invalidTokenChallenge, missingTokenChallenge } from "./bearer-challenge.ts";
import { readCookie } from "./cookies.ts";
import type { ResolvedOptions } from "./handler-options.ts";
import { invalidPayload, type Refusal } from "./refusal.ts";

/** The bearer of a request, or why there is none usable. */
export type ExtractedToken = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly refusal: Refusal };

const missing: Refusal = {
  status: 401,
  code: "INVALID_CREDENTIALS",
  reason: "missing_token",
  message: "This route needs a token: send \"Authorization: Bearer <token>\", ?access_token=<token> or the session cookie.",
  headers: missingTokenChallenge,
};

const notBearer: Refusal = {
  status: 401,
  code: "INVALID_TOKEN",
  reason: "malformed",
  message: 'The Authorization header must read "Bearer <token>".',
  headers: invalidTokenChallenge,
};

/**
 * Finds the access (or static) token in the `Authorization: Bearer` header,
 * the `access_token` query parameter or the session cookie. As in Directus,
 * a request that uses two of them at once is refused, so that it is never
 * ambiguous whose request it is.
 */
export function extractAccessToken(request: Request, url: URL, options: ResolvedOptions): ExtractedToken {
  const found: string[] = [];
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
    if (match === null) return { ok: false, refusal: notBearer };
    found.push(match[1] as string);
  }
  const query = url.searchParams.getAll("access_token");
  if (query.length > 1) return { ok: false, refusal: invalidPayload("Send access_token once in the query string.") };
  if (query[0] !== undefined && query[0] !== "") found.push(query[0]);
  const cookie = readCookie(request.headers.get("cookie"), options.sessionCookie.name);
  if (cookie !== null) found.push(cookie);
  if (found.length > 1) {
    return { ok: false, refusal: invalidPayload("Use one way to send the token: the Authorization header, ?access_token= or the session cookie, not several.", "ambiguous_token") };
  }
  const token = found[0];
  return token === undefined ? { ok: false, refusal: missing } : { ok: true, token };
}
