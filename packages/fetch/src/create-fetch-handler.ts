import type { Tessera } from "@tessera/core";
import { corsHeaders, preflightHeaders } from "./cors.ts";
import { type FetchHandlerOptions, type ResolvedOptions, resolveOptions } from "./handler-options.ts";
import { createRouteMatcher } from "./match-route.ts";
import type { Refusal } from "./refusal.ts";
import { materializeBody, refusalResponse } from "./responses.ts";
import { requestTarget } from "./request-target.ts";
import { routes } from "./routes/route-table.ts";

/** What a runtime adapter knows about the connection, beyond the Request. */
export interface ConnectionInfo {
  /**
   * The client's IP address, for login rate limiting and the session list.
   * Read only by the routes that need it (login), so an adapter may make it a
   * getter: Bun's `server.requestIP` costs about a tenth of a `/users/me` request. (The reference server's request
   * log, on by default, reads it for every request; `TESSERA_REQUEST_LOG=false` saves it.)
   */
  readonly clientAddress?: string | null;
  /**
   * The caller writes response bodies from {@link peekResponseText} (the node:http adapter does), so responses
   * built by this package may come without a body stream built yet: building one costs 15 to 18 µs a response on
   * Node 20, as much as the rest of a simple request. Reading such a response's body through the Response API
   * (`body`, `text()`, `clone()`: a wrapper that rebuilds it) still gives the text. Its headers too live outside the
   * Response's internal state until read: take them from {@link peekResponseHeaders} or the `headers` getter, never
   * from a runtime that reads internal state (Bun.serve, Deno.serve, `cache.put`). Adapters that hand the Response to
   * the runtime leave it unset.
   */
  readonly writesBodyText?: boolean;
}

/** A web-standard handler: every runtime can serve it. It never throws. */
export type FetchHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

const internalError: Refusal = {
  status: 500,
  code: "INTERNAL_SERVER_ERROR",
  reason: "internal",
  message: "An unexpected error occurred on the server; it has been logged. Retry later.",
};

async function dispatch(tessera: Tessera, options: ResolvedOptions, match: ReturnType<typeof createRouteMatcher>, request: Request, info: ConnectionInfo | undefined) {
  const url = requestTarget(request.url, request.headers.get("host"));
  if (request.method === "OPTIONS" && options.cors !== null) {
    return new Response(null, { status: 204, headers: preflightHeaders(options.cors, request.headers.get("origin")) });
  }
  const found = match(request.method, url.pathname);
  if (found.kind === "not_found") {
    const answer = options.notFound === null ? null : await options.notFound(request);
    if (answer !== null) return answer;
    return refusalResponse({ status: 404, code: "ROUTE_NOT_FOUND", reason: "unknown_route", message: `There is no route ${url.pathname.slice(0, 200)}. See the HTTP table in DESIGN.md.` });
  }
  if (found.kind === "wrong_method") {
    const allow = found.allowed.join(", ");
    const message = `${url.pathname.slice(0, 200)} does not accept ${request.method.slice(0, 20)}; use ${allow}.`;
    return refusalResponse({ status: 405, code: "METHOD_NOT_ALLOWED", reason: "wrong_method", message, headers: { Allow: allow } });
  }
  return found.route.handle({ request, url, params: found.params, connection: info, tessera, options });
}

/**
 * Builds the HTTP layer of Tessera as one web-standard function: every route of
 * DESIGN.md in Directus's wire format. Bad input gets a 4xx in the error
 * envelope; an unexpected fault gets a 500 and is passed to `onError`.
 *
 * @example
 * const handler = createFetchHandler(tessera, { cors: { origin: ["https://app.example.com"], credentials: true } });
 * Deno.serve((request, info) => handler(request, { clientAddress: info.remoteAddr.hostname }));
 */
export function createFetchHandler(tessera: Tessera, options: FetchHandlerOptions = {}): FetchHandler {
  const resolved = resolveOptions(options);
  const match = createRouteMatcher(routes);
  return async (request, info) => {
    let response: Response;
    try {
      response = await dispatch(tessera, resolved, match, request, info);
    } catch (error) {
      try {
        resolved.onError(error, request);
      } catch {
        // A failing error reporter must not turn a 500 into a hung request.
      }
      response = refusalResponse(internalError);
    }
    if (resolved.cors !== null) {
      for (const [name, value] of Object.entries(corsHeaders(resolved.cors, request.headers.get("origin")))) {
        if (!response.headers.has(name)) response.headers.set(name, value);
      }
    }
    return info?.writesBodyText === true ? response : materializeBody(response);
  };
}
