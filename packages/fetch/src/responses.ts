import type { Refusal } from "./refusal.ts";

// Bodies of responses built here, so that an adapter (node:http) can write the
// text directly instead of reading it back through a stream.
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
  const response = new Response(text, { status, headers: baseHeaders });
  if (headers !== undefined) for (const [name, value] of new Headers(headers)) response.headers.append(name, value);
  bodies.set(response, text);
  return response;
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
