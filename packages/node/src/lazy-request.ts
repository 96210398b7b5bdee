import type { IncomingMessage } from "node:http";
import { forwardingPrototype } from "./forwarding-prototype.ts";
import { createLazyHeaders } from "./lazy-headers.ts";

const state = Symbol("tessera.lazyRequest");

interface LazyState {
  readonly req: IncomingMessage;
  readonly url: string;
  readonly body: Uint8Array | null;
  headers?: Headers;
  real?: Request;
  used: boolean;
}

type LazyRequest = Request & { [state]: LazyState };

function headersOf(s: LazyState): Headers {
  s.headers ??= createLazyHeaders(s.req.rawHeaders);
  return s.headers;
}

function realOf(self: LazyRequest): Request {
  const s = self[state];
  if (s.real !== undefined) return s.real;
  const init: RequestInit = { method: s.req.method ?? "GET", headers: headersOf(s) };
  if (s.body !== null) init.body = s.body as Uint8Array<ArrayBuffer>;
  return (s.real = new Request(s.url, init));
}

function readBody(self: LazyRequest): Uint8Array {
  const s = self[state];
  if (s.real !== undefined || s.used) throw new TypeError("Body is unusable: it has already been read");
  s.used = true;
  return s.body ?? new Uint8Array(0);
}

// What the handler reads on every request is answered from the IncomingMessage
// and the buffered body; anything else builds the real Request once and
// forwards to it, so the object behaves as a Request wherever it goes.
const own: PropertyDescriptorMap = {
  method: { get(this: LazyRequest) { return this[state].req.method ?? "GET"; } },
  url: { get(this: LazyRequest) { return this[state].url; } },
  headers: { get(this: LazyRequest) { return headersOf(this[state]); } },
  bodyUsed: { get(this: LazyRequest) { return this[state].used || (this[state].real?.bodyUsed ?? false); } },
  arrayBuffer: { async value(this: LazyRequest) { return readBody(this).slice().buffer; } },
  bytes: { async value(this: LazyRequest) { return readBody(this).slice(); } },
  text: { async value(this: LazyRequest) { return new TextDecoder().decode(readBody(this)); } },
  json: { async value(this: LazyRequest) { return JSON.parse(new TextDecoder().decode(readBody(this))) as unknown; } },
};
const prototype = forwardingPrototype<LazyRequest>(Request.prototype, own, realOf);

/**
 * A `Request` (by prototype and behaviour) for a node:http request whose body
 * is already buffered. `method`, `url`, `headers` and the body readers are
 * served directly; the real `Request` is built only if something else is asked
 * for, which the Tessera handler never does. This skips the most expensive
 * step of a Node bridge without touching any global.
 */
export function createLazyRequest(req: IncomingMessage, url: string, body: Uint8Array | null): Request {
  const request = Object.create(prototype) as LazyRequest;
  request[state] = { req, url, body, used: false };
  return request;
}
