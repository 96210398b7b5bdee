import { createServer } from "node:http";
import type { FetchHandler } from "@tessera/fetch";
import { currentRuntime } from "../runtime.ts";

interface DenoServe {
  serve(options: { port: number; hostname: string; onListen: (addr: { port: number }) => void }, handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Response | Promise<Response>): unknown;
}

/** A hand-written server's whole work: an answer from the Authorization header alone, synchronously. */
export interface RawAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * What a bench server serves: a bare hello-world (the ceiling), a hand-written
 * synchronous answer to the Authorization header, or Tessera's fetch handler.
 */
export type Served =
  | { readonly kind: "bare" }
  | { readonly kind: "raw"; readonly answer: (authorization: string | null) => RawAnswer }
  | { readonly kind: "tessera"; readonly handler: FetchHandler };

const hello = "Hello, world!";

// The two hand-written servers as a fetch function (Bun.serve and Deno.serve): the bare one exactly as every earlier run had it.
function handWrittenFetch(served: Exclude<Served, { kind: "tessera" }>): (request: Request) => Response {
  if (served.kind === "bare") return () => new Response(hello);
  return (request) => {
    const answer = served.answer(request.headers.get("authorization"));
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
}

/**
 * Listens on 127.0.0.1 with a free port, using the runtime's own server:
 * Bun.serve (Tessera through `@tessera/bun`'s `serve`), node:http (Tessera
 * through `toNodeListener`), or Deno.serve (Tessera's handler as is). The
 * hand-written servers answer synchronously, with no adapter.
 *
 * @example
 * const port = await listen({ kind: "tessera", handler: createFetchHandler(tessera) });
 */
export async function listen(served: Served): Promise<number> {
  const runtime = currentRuntime().name;
  if (runtime === "bun") {
    if (served.kind !== "tessera") return Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: handWrittenFetch(served) }).port as number;
    const { serve } = await import("@tessera/bun");
    return serve(served.handler, { port: 0, hostname: "127.0.0.1" }).port as number;
  }
  if (runtime === "deno") {
    const deno = (globalThis as unknown as { Deno: DenoServe }).Deno;
    return new Promise((resolve) => {
      const onListen = (addr: { port: number }) => resolve(addr.port);
      if (served.kind !== "tessera") deno.serve({ port: 0, hostname: "127.0.0.1", onListen }, handWrittenFetch(served));
      else deno.serve({ port: 0, hostname: "127.0.0.1", onListen }, (request, info) => served.handler(request, { clientAddress: info.remoteAddr.hostname }));
    });
  }
  const { toNodeListener } = await import("@tessera/node");
  const server =
    served.kind === "tessera"
      ? createServer(toNodeListener(served.handler))
      : served.kind === "bare"
        ? createServer((_req, res) => res.end(hello))
        : createServer((req, res) => {
            const answer = served.answer(req.headers.authorization ?? null);
            res.writeHead(answer.status, answer.headers).end(answer.body);
          });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : 0);
    }),
  );
}
