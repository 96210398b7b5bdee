import type { IncomingMessage, ServerResponse } from "node:http";
import type { FetchHandler } from "@tessera/fetch";
import { isPlainHost, peekResponseHeaders, peekResponseText } from "@tessera/fetch";
import { createLazyRequest } from "./lazy-request.ts";
import { readNodeBody } from "./read-node-body.ts";

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Bodies larger than this are refused with 413 before the handler runs, and never buffered whole; default 64 KiB,
   * four times the handler's own default. Raise it with the handler's `maxBodyBytes`, never below it.
   */
  readonly maxBodyBytes?: number;
  /** Told of transport faults (a client that went away mid-response). */
  readonly onError?: (error: unknown) => void;
}

// Methods whose requests carry a body only when they declare one (GET and HEAD bodies are never read at all).
const bodiless = new Set(["OPTIONS", "DELETE"]);
// Nearly every request of a server carries the same Host: the last one accepted skips the checks. Shared by every
// listener of the process; any accepted Host is as good as another here, so a race between servers costs a check.
let acceptedHost = "localhost";

// A Host header is client input: only a plain host[:port] that the URL parser also accepts (no port 99999, no
// IPv4 part over 255) may become part of the URL, so that the path stays the path and `new URL(request.url)` parses.
// A refused Host must not be a prefix of the name put in its place: the handler reads the path from after the
// client's Host when it is not plain, and `localhost/server` before `localhost/server/users/me` would move it.
function urlHost(host: string | undefined): string {
  if (host === acceptedHost) return host;
  if (host === undefined) return "localhost";
  if (!isPlainHost(host) || !URL.canParse(`http://${host}/`)) return host.startsWith("localhost") ? "127.0.0.1" : "localhost";
  acceptedHost = host;
  return host;
}

function requestUrl(req: IncomingMessage): string {
  const path = req.url ?? "/";
  return `http://${urlHost(req.headers.host)}${path.startsWith("/") ? path : "/"}`;
}

// GET and HEAD bodies are never handed to the handler (a Request cannot hold one), so they are not read at all:
// node:http discards what is left of a request once its response has been sent.
function hasBody(req: IncomingMessage, method: string): boolean {
  if (method === "GET" || method === "HEAD") return false;
  if (req.headers["transfer-encoding"] !== undefined) return true;
  const length = req.headers["content-length"];
  return length !== undefined ? length !== "0" : !bodiless.has(method);
}

function writeHead(response: Response, res: ServerResponse, text: string | undefined): void {
  const withLength = text !== undefined && response.status !== 204 && response.status !== 304;
  // A response of @tessera/fetch whose headers nobody touched still has them as a plain record: written from a copy
  // (the record is shared by every response of its kind, and a wrapper of writeHead may write into its argument).
  const record = peekResponseHeaders(response);
  if (record !== undefined) return void res.writeHead(response.status, withLength ? { ...record, "content-length": Buffer.byteLength(text) } : { ...record });
  const headers: Record<string, string | string[] | number> = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  if (withLength) headers["content-length"] = Buffer.byteLength(text);
  res.writeHead(response.status, headers);
}

// Responses built by @tessera/fetch keep their text aside (writesBodyText): it is written directly, and their body
// stream is never built. A wrapper that rebuilt the response hands over an ordinary one, streamed by writeStream.
function writeBody(response: Response, res: ServerResponse, head: boolean, text: string | undefined): Promise<void> | undefined {
  if (head) return void res.end();
  if (text !== undefined) return void res.end(text);
  const body = response.body;
  return body === null ? void res.end() : writeStream(body, res);
}

async function writeStream(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> {
  const reader = body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve));
  }
  res.end();
}

const tooLarge = (limit: number) =>
  JSON.stringify({ errors: [{ message: `The request body is larger than the limit of ${limit} bytes.`, extensions: { code: "PAYLOAD_TOO_LARGE", reason: "body_too_large" } }] });

/**
 * Serves a fetch handler on `node:http` without patching any global. The
 * body is read from the socket into one buffer (capped) instead of a web
 * stream, and responses built by `@tessera/fetch` are written from their text
 * without a body stream ever being built: the costs that make a naive
 * Request/Response bridge slow.
 *
 * @example
 * import { createServer } from "node:http";
 * createServer(toNodeListener(createFetchHandler(tessera))).listen(8055);
 */
export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const onError = options.onError ?? (() => {});
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? "GET";
    let body: Uint8Array | null = null;
    if (hasBody(req, method)) {
      body = await readNodeBody(req, limit);
      if (body === null) {
        res.writeHead(413, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", connection: "close" });
        return void res.end(tooLarge(limit));
      }
    }
    const request = createLazyRequest(req, requestUrl(req), body);
    const response = await handler(request, { clientAddress: req.socket.remoteAddress ?? null, writesBodyText: true });
    const text = peekResponseText(response);
    writeHead(response, res, text);
    const streaming = writeBody(response, res, method === "HEAD", text);
    if (streaming !== undefined) await streaming;
  };
  return (req, res) => {
    serve(req, res).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" }).end('{"errors":[{"message":"Internal error.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}');
      else res.destroy();
    });
  };
}
