import type { FetchHandler } from "@tessera/fetch";

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Default 8055 (Directus's port); 0 picks a free one. */
  readonly port?: number;
  /** Default `"0.0.0.0"`. */
  readonly hostname?: string;
  /** Bun refuses larger bodies before the handler runs; default 1 MiB (the handler applies its own, smaller limit). */
  readonly maxRequestBodySize?: number;
  /** Seconds an idle connection is kept; default 30. */
  readonly idleTimeout?: number;
}

/**
 * Serves a fetch handler with `Bun.serve`, passing the client address on for
 * login rate limiting. Stop it with `server.stop()` (in-flight requests finish)
 * or `server.stop(true)` (connections are cut).
 *
 * @example
 * const server = serve(createFetchHandler(tessera), { port: 8055 });
 * console.log(`listening on ${server.url}`);
 */
export function serve(handler: FetchHandler, options: ServeOptions = {}): Bun.Server<undefined> {
  return Bun.serve({
    port: options.port ?? 8055,
    hostname: options.hostname ?? "0.0.0.0",
    maxRequestBodySize: options.maxRequestBodySize ?? 1024 * 1024,
    idleTimeout: options.idleTimeout ?? 30,
    // A getter: the address is looked up only by the routes that use it (login).
    fetch: (request, server) =>
      handler(request, {
        get clientAddress() {
          return server.requestIP(request)?.address ?? null;
        },
      }),
  });
}
