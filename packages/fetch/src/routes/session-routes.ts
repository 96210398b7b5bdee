import { refusalOf } from "../refusal.ts";
import { dataResponse, noContentResponse, refusalResponse } from "../responses.ts";
import type { AuthenticatedContext } from "../route-context.ts";

/** `GET /auth/sessions`: the caller's live sessions, newest first, the current one marked. */
export async function listSessionsRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.listSessions(context.principal.userId);
  if (!outcome.ok) return refusalResponse(refusalOf(outcome));
  return dataResponse(outcome.value.map((session) => ({ ...session, current: session.id === context.principal.sessionId })));
}

/** `DELETE /auth/sessions/:id`: ends one of the caller's sessions (404 if it is not theirs or already over). */
export async function revokeSessionRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.revokeSession(context.principal.userId, context.params["id"] ?? "");
  return outcome.ok ? noContentResponse() : refusalResponse(refusalOf(outcome));
}
