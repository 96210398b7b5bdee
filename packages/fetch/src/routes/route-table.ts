import type { RouteHandler } from "../route-context.ts";
import { withAdmin, withPrincipal } from "../with-principal.ts";
import * as admin from "./admin-routes.ts";
import { loginRoute, logoutRoute, refreshRoute } from "./auth-routes.ts";
import * as me from "./me-routes.ts";
import { healthRoute, pingRoute } from "./server-routes.ts";
import { listSessionsRoute, revokeSessionRoute } from "./session-routes.ts";

/** One route: a method and a path pattern whose `:name` segments become params. */
export interface Route {
  readonly method: string;
  readonly path: string;
  readonly handle: RouteHandler;
}

/** Every route of DESIGN.md's HTTP table (plus `GET/PATCH /users/me`, `GET /users/:id`, `/server/ping`). */
export const routes: readonly Route[] = [
  { method: "POST", path: "/auth/login", handle: loginRoute },
  { method: "POST", path: "/auth/refresh", handle: refreshRoute },
  { method: "POST", path: "/auth/logout", handle: logoutRoute },
  { method: "GET", path: "/auth/sessions", handle: withPrincipal(listSessionsRoute) },
  { method: "DELETE", path: "/auth/sessions/:id", handle: withPrincipal(revokeSessionRoute) },
  { method: "GET", path: "/users/me", handle: withPrincipal(me.getMeRoute) },
  { method: "PATCH", path: "/users/me", handle: withPrincipal(me.patchMeRoute) },
  { method: "POST", path: "/users/me/token", handle: withPrincipal(me.generateMyTokenRoute) },
  { method: "DELETE", path: "/users/me/token", handle: withPrincipal(me.revokeMyTokenRoute) },
  { method: "GET", path: "/users", handle: withAdmin(admin.listUsersRoute) },
  { method: "POST", path: "/users", handle: withAdmin(admin.createUserRoute) },
  { method: "GET", path: "/users/:id", handle: withAdmin(admin.getUserRoute) },
  { method: "PATCH", path: "/users/:id", handle: withAdmin(admin.updateUserRoute) },
  { method: "DELETE", path: "/users/:id", handle: withAdmin(admin.deleteUserRoute) },
  { method: "POST", path: "/users/:id/token", handle: withAdmin(admin.generateUserTokenRoute) },
  { method: "DELETE", path: "/users/:id/token", handle: withAdmin(admin.revokeUserTokenRoute) },
  { method: "GET", path: "/users/:id/sessions", handle: withAdmin(admin.listUserSessionsRoute) },
  { method: "DELETE", path: "/users/:id/sessions", handle: withAdmin(admin.revokeUserSessionsRoute) },
  { method: "GET", path: "/server/health", handle: healthRoute },
  { method: "GET", path: "/server/ping", handle: pingRoute },
];
