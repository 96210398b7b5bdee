import type { Refusal } from "./refusal.ts";

// Bodies of responses built here. They are built without a body stream and the
// text kept aside: an adapter that writes text (node:http) takes it from here,
// and for everyone else the handler attaches it as a real body at the end
// (materializeBody), after CORS and cookie headers were added.
const bodies = new WeakMap<Response, string>();

const baseHeaders = {
  "Content-Type": "application/json; charset=utf-8",
  // Every response may carry a token or account data: never cache any of them.
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

/** A JSON response with Tessera's standard headers. */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const text = JSON.stringify(body);
  const response = new Response(null, { status, headers: baseHeaders });
  if (headers !== undefined) for (const [name, value] of new Headers(headers)) response.headers.append(name, value);
  bodies.set(response, text);
  return response;
}

/** A plain-text response with Tessera's standard caching headers. */
export function textResponse(status: number, text: string): Response {
  const response = new Response(null, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  bodies.set(response, text);
  return response;
}

/**
 * Gives a response built here its body as a real stream (what Bun.serve,
 * Deno.serve and any fetch caller read); other responses pass unchanged.
 */
export function materializeBody(response: Response): Response {
  const text = bodies.get(response);
  if (text === undefined || text === "") return response;
  return new Response(text, { status: response.status, headers: response.headers });
}

/** Directus's success envelope: `{"data": ...}`. */
export function dataResponse(data: unknown, headers?: HeadersInit): Response {
  return jsonResponse(200, { data }, headers);
}

/** 204 with an empty body (logout, revocations). */
export function noContentResponse(headers?: HeadersInit): Response {
  const response = new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  if (headers !== undefined) for (const [name, value] of new Headers(headers)) response.headers.append(name, value);
  bodies.set(response, "");
  return response;
}

/** Directus's error envelope: `{"errors":[{"message","extensions":{"code","reason"}}]}`. */
export function refusalResponse(refusal: Refusal): Response {
  const body = { errors: [{ message: refusal.message, extensions: { code: refusal.code, reason: refusal.reason } }] };
  return jsonResponse(refusal.status, body, refusal.headers);
}

/**
 * The body text of a response built by this package, or undefined for any
 * other response. Lets the node:http adapter skip reading the body stream.
 */
export function peekResponseText(response: Response): string | undefined {
  return bodies.get(response);
}
