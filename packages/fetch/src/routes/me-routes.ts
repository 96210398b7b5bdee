import { readBody } from "../read-body.ts";
import { refusalOf } from "../refusal.ts";
import { dataResponse, noContentResponse, refusalResponse } from "../responses.ts";
import type { AuthenticatedContext } from "../route-context.ts";
import { ownChangeSchema } from "../schemas.ts";

const gone = { status: 401, code: "INVALID_TOKEN", reason: "user_inactive", message: "The user of this token no longer exists." } as const;

/** `GET /users/me`: the caller, without the password hash. */
export async function getMeRoute(context: AuthenticatedContext): Promise<Response> {
  // Session binding and static tokens looked the user up while verifying; stateless binding did not.
  const user = context.principal.user ?? (await context.tessera.getUser(context.principal.userId));
  return user === null ? refusalResponse(gone) : dataResponse(user);
}

/** `PATCH /users/me`: change one's own email or password; a new password ends every other session. */
export async function patchMeRoute(context: AuthenticatedContext): Promise<Response> {
  const body = await readBody(context, ownChangeSchema);
  if (body instanceof Response) return body;
  const { email, password } = body;
  const change = { ...(email === undefined ? {} : { email }), ...(password === undefined ? {} : { password }) };
  const keep = context.principal.sessionId ?? undefined;
  const outcome = await context.tessera.updateUser(context.principal.userId, change, keep);
  return outcome.ok ? dataResponse(outcome.value) : refusalResponse(refusalOf(outcome));
}

/** `POST /users/me/token`: a new static token, shown once; the old one stops working. */
export async function generateMyTokenRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.generateStaticToken(context.principal.userId);
  return outcome.ok ? dataResponse({ token: outcome.value.token }) : refusalResponse(refusalOf(outcome));
}

/** `DELETE /users/me/token`: revokes the caller's static token. */
export async function revokeMyTokenRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.revokeStaticToken(context.principal.userId);
  return outcome.ok ? noContentResponse() : refusalResponse(refusalOf(outcome));
}
