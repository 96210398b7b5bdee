import type { Principal, Tessera } from "@tessera/core";
import type { ConnectionInfo } from "./create-fetch-handler.ts";
import type { ResolvedOptions } from "./handler-options.ts";

/** Everything a route needs about one request. */
export interface RouteContext {
  readonly request: Request;
  readonly url: URL;
  /** Path parameters, e.g. `id` of `/users/:id`. */
  readonly params: Readonly<Record<string, string>>;
  /** What the adapter knows about the connection; `clientAddress` may be a getter, so only routes that need it read it (login does). */
  readonly connection: ConnectionInfo | undefined;
  readonly tessera: Tessera;
  readonly options: ResolvedOptions;
}

/** A route's context once its bearer is verified. */
export interface AuthenticatedContext extends RouteContext {
  readonly principal: Principal;
}

/** One route's implementation. */
export type RouteHandler = (context: RouteContext) => Promise<Response>;
