import { invalidTokenChallenge } from "./bearer-challenge.ts";
import { extractAccessToken } from "./extract-access-token.ts";
import { requireRole } from "@tessera/core";
import { refusalOf } from "./refusal.ts";
import { refusalResponse } from "./responses.ts";
import type { AuthenticatedContext, RouteContext, RouteHandler } from "./route-context.ts";

/** Wraps a route that needs a verified access or static token. */
export function withPrincipal(route: (context: AuthenticatedContext) => Promise<Response>): RouteHandler {
  return async (context: RouteContext) => {
    const extracted = extractAccessToken(context.request, context.url, context.options);
    if (!extracted.ok) return refusalResponse(extracted.refusal);
    const outcome = await context.tessera.authenticate(extracted.token);
    if (!outcome.ok) {
      const refusal = refusalOf(outcome);
      return refusalResponse(refusal.status === 401 ? { ...refusal, headers: invalidTokenChallenge } : refusal);
    }
    return route({ ...context, principal: outcome.value });
  };
}

/** Wraps a route that needs a token of a user whose role is the admin role (others get 403). */
export function withAdmin(route: (context: AuthenticatedContext) => Promise<Response>): RouteHandler {
  return withPrincipal(async (context) => {
    const allowed = requireRole(context.principal, context.options.adminRole);
    return allowed.ok ? route(context) : refusalResponse(refusalOf(allowed));
  });
}
