import { jsonResponse, textResponse } from "../responses.ts";
import type { RouteContext } from "../route-context.ts";

/**
 * `GET /server/health`: 200 whether or not the database answers, saying which,
 * so that a monitor can tell a dead process from a dead database.
 */
export async function healthRoute(context: RouteContext): Promise<Response> {
  const ping = context.options.ping;
  if (ping === null) return jsonResponse(200, { status: "ok", checks: { database: "none" } });
  let reachable: boolean;
  try {
    reachable = await ping();
  } catch {
    reachable = false;
  }
  return jsonResponse(200, { status: reachable ? "ok" : "error", checks: { database: reachable ? "reachable" : "unreachable" } });
}

/** `GET /server/ping`: Directus's liveness probe. */
export async function pingRoute(): Promise<Response> {
  return textResponse(200, "pong");
}
