import type { UserChange } from "@tessera/core";
import { readBody } from "../read-body.ts";
import { refusalOf } from "../refusal.ts";
import { dataResponse, noContentResponse, refusalResponse } from "../responses.ts";
import type { AuthenticatedContext } from "../route-context.ts";
import { newUserSchema, userChangeSchema } from "../schemas.ts";

// The core validates values (email format, known status, role pattern); the
// schemas here only check the shape. Both answer 400 INVALID_PAYLOAD.

const userNotFound = { status: 404, code: "NOT_FOUND", reason: "not_found", message: "User not found." } as const;
const idOf = (context: AuthenticatedContext) => context.params["id"] ?? "";

/** `GET /users`: every user, by email. */
export async function listUsersRoute(context: AuthenticatedContext): Promise<Response> {
  return dataResponse(await context.tessera.listUsers());
}

/** `GET /users/:id`. */
export async function getUserRoute(context: AuthenticatedContext): Promise<Response> {
  const user = await context.tessera.getUser(idOf(context));
  return user === null ? refusalResponse(userNotFound) : dataResponse(user);
}

/** `POST /users`: creates a user (`email`, `password`, optional `role` and `status`). */
export async function createUserRoute(context: AuthenticatedContext): Promise<Response> {
  const body = await readBody(context, newUserSchema);
  if (body instanceof Response) return body;
  const outcome = await context.tessera.createUser(body as Parameters<typeof context.tessera.createUser>[0]);
  return outcome.ok ? dataResponse(outcome.value) : refusalResponse(refusalOf(outcome));
}

/** `PATCH /users/:id`: status, role, email or password; suspending ends every session and the static token. */
export async function updateUserRoute(context: AuthenticatedContext): Promise<Response> {
  const body = await readBody(context, userChangeSchema);
  if (body instanceof Response) return body;
  const id = idOf(context);
  // An admin changing their own password keeps the session they are using.
  const keep = id === context.principal.userId ? (context.principal.sessionId ?? undefined) : undefined;
  const outcome = await context.tessera.updateUser(id, body as UserChange, keep);
  return outcome.ok ? dataResponse(outcome.value) : refusalResponse(refusalOf(outcome));
}

/** `DELETE /users/:id`: deletes the user, ending its sessions and static token. */
export async function deleteUserRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.deleteUser(idOf(context));
  return outcome.ok ? noContentResponse() : refusalResponse(refusalOf(outcome));
}

/** `POST /users/:id/token`: a new static token for the user, shown once. */
export async function generateUserTokenRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.generateStaticToken(idOf(context));
  return outcome.ok ? dataResponse({ token: outcome.value.token }) : refusalResponse(refusalOf(outcome));
}

/** `DELETE /users/:id/token`: revokes the user's static token. */
export async function revokeUserTokenRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.revokeStaticToken(idOf(context));
  return outcome.ok ? noContentResponse() : refusalResponse(refusalOf(outcome));
}

/** `GET /users/:id/sessions`: the user's live sessions. */
export async function listUserSessionsRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.listSessions(idOf(context));
  return outcome.ok ? dataResponse(outcome.value) : refusalResponse(refusalOf(outcome));
}

/** `DELETE /users/:id/sessions`: ends every session of the user. */
export async function revokeUserSessionsRoute(context: AuthenticatedContext): Promise<Response> {
  const outcome = await context.tessera.revokeAllSessions(idOf(context));
  return outcome.ok ? noContentResponse() : refusalResponse(refusalOf(outcome));
}
