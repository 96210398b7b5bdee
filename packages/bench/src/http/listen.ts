import { createServer } from "node:http";
import type { FetchHandler } from "@tessera/fetch";
import { currentRuntime } from "../runtime.ts";

interface DenoServe {
  serve(options: { port: number; hostname: string; onListen: (addr: { port: number }) => void }, handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Response | Promise<Response>): unknown;
}

const hello = "Hello, world!";

/**
 * Listens on 127.0.0.1 with a free port, using the runtime's own server:
 * Bun.serve through `@tessera/bun`'s `serve`, node:http through
 * `toNodeListener`, or Deno.serve with the handler as is. With no handler it
 * serves a bare hello-world on the same server API: the ceiling.
 *
 * @example
 * const port = await listen(createFetchHandler(tessera));
 */
export async function listen(handler: FetchHandler | null): Promise<number> {
  const runtime = currentRuntime().name;
  if (runtime === "bun") {
    if (handler === null) return Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response(hello) }).port as number;
    const { serve } = await import("@tessera/bun");
    return serve(handler, { port: 0, hostname: "127.0.0.1" }).port as number;
  }
  if (runtime === "deno") {
    const deno = (globalThis as unknown as { Deno: DenoServe }).Deno;
    return new Promise((resolve) => {
      const onListen = (addr: { port: number }) => resolve(addr.port);
      if (handler === null) deno.serve({ port: 0, hostname: "127.0.0.1", onListen }, () => new Response(hello));
      else deno.serve({ port: 0, hostname: "127.0.0.1", onListen }, (request, info) => handler(request, { clientAddress: info.remoteAddr.hostname }));
    });
  }
  const { toNodeListener } = await import("@tessera/node");
  const server = handler === null ? createServer((_req, res) => res.end(hello)) : createServer(toNodeListener(handler));
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : 0);
    }),
  );
}
