import type { Refusal } from "./refusal.ts";

/**
 * A response whose body text is kept aside instead of in a body stream:
 * building a stream costs 15 to 18 µs a response on Node 20, as much as the
 * rest of a simple request. An adapter that writes text (node:http) takes it
 * with {@link peekResponseText}; for everyone else the handler attaches it as
 * a real body at the end ({@link materializeBody}), after CORS and cookie
 * headers were added. Whoever reads the body through the Response API instead
 * (a wrapper that rebuilds the response from `body`, or calls `text()`) gets
 * the text too: the stream is built then, on first use.
 */
// An ordinary Response with `text` as its body (none when empty) and the status and headers `from` has now.
const withTextBody = (text: string, from: Response): Response =>
  new Response(text === "" ? null : text, { status: from.status, statusText: from.statusText, headers: from.headers });

class DeferredBodyResponse extends Response {
  readonly #text: string;
  #real: Response | undefined;

  constructor(text: string, init: ResponseInit) {
    super(null, init);
    this.#text = text;
  }

  /** The kept-aside text of a response built here, or undefined for any other response. */
  static textOf(response: Response): string | undefined {
    return #text in response ? response.#text : undefined;
  }

  // The same text as a real body, built once: every body reader below shares it, so the body is used up once, as any body is.
  #withBody(): Response {
    this.#real ??= withTextBody(this.#text, this);
    return this.#real;
  }

  static {
    // `body` and `bodyUsed` are accessors on Response.prototype; overriding them as accessors needs defineProperty in TypeScript.
    Object.defineProperties(this.prototype, {
      body: { configurable: true, get: function (this: DeferredBodyResponse) { return this.#withBody().body; } },
      bodyUsed: { configurable: true, get: function (this: DeferredBodyResponse) { return this.#real?.bodyUsed ?? false; } },
    });
  }

  override text(): Promise<string> {
    return this.#withBody().text();
  }

  override json(): Promise<unknown> {
    return this.#withBody().json();
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const real = this.#withBody();
    // Node 20 releases before undici's Response.bytes() lack it; the same bytes then come from arrayBuffer().
    return typeof real.bytes === "function" ? real.bytes() : new Uint8Array(await real.arrayBuffer());
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#withBody().arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return this.#withBody().blob();
  }

  override formData(): Promise<FormData> {
    return this.#withBody().formData();
  }

  override clone(): Response {
    const init = { status: this.status, statusText: this.statusText, headers: this.headers };
    // Once the stream exists it is teed, as any body is (and a used one cannot be cloned); headers are this response's now.
    return this.#real === undefined ? new DeferredBodyResponse(this.#text, init) : new Response(this.#real.clone().body, init);
  }
}

const baseHeaders = {
  "Content-Type": "application/json; charset=utf-8",
  // Every response may carry a token or account data: never cache any of them.
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

/** A JSON response with Tessera's standard headers. */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const response = new DeferredBodyResponse(JSON.stringify(body), { status, headers: baseHeaders });
  if (headers !== undefined) for (const [name, value] of new Headers(headers)) response.headers.append(name, value);
  return response;
}

/** A plain-text response with Tessera's standard caching headers. */
export function textResponse(status: number, text: string): Response {
  return new DeferredBodyResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Gives a response built here its body as a real stream (what Bun.serve,
 * Deno.serve and any fetch caller read); other responses pass unchanged.
 */
export function materializeBody(response: Response): Response {
  const text = DeferredBodyResponse.textOf(response);
  // A 204 too becomes a plain Response: a runtime's server need not know this package's subclass.
  return text === undefined ? response : withTextBody(text, response);
}

/** Directus's success envelope: `{"data": ...}`. */
export function dataResponse(data: unknown, headers?: HeadersInit): Response {
  return jsonResponse(200, { data }, headers);
}

/** 204 with an empty body (logout, revocations). */
export function noContentResponse(headers?: HeadersInit): Response {
  const response = new DeferredBodyResponse("", { status: 204, headers: { "Cache-Control": "no-store" } });
  if (headers !== undefined) for (const [name, value] of new Headers(headers)) response.headers.append(name, value);
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
  return DeferredBodyResponse.textOf(response);
}
