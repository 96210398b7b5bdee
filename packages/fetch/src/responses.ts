import type { Refusal } from "./refusal.ts";

/** Header names in lower case, as `Headers` gives them back; a response built here starts from one of these. */
type HeaderRecord = Readonly<Record<string, string>>;

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
class DeferredBodyResponse extends Response {
  readonly #text: string;
  // The headers stay a plain record until someone reads `headers` (filling a Headers object costs more than the
  // rest of building a response on Node 20); from then on a Headers object replaces the record.
  #headers: HeaderRecord | Headers;
  #real: Response | undefined;

  constructor(text: string, status: number, headers: HeaderRecord | Headers) {
    super(null, { status });
    this.#text = text;
    this.#headers = headers;
  }

  /** The kept-aside text of a response built here, or undefined for any other response. */
  static textOf(response: Response): string | undefined {
    return #text in response ? response.#text : undefined;
  }

  /** The headers of a response built here while nobody has read `headers` yet, else undefined. */
  static headerRecordOf(response: Response): HeaderRecord | undefined {
    return #text in response && !(response.#headers instanceof Headers) ? response.#headers : undefined;
  }

  /** An ordinary Response with the same status, headers and text as a body (none when empty), or undefined for any other response. */
  static plainOf(response: Response): Response | undefined {
    return #text in response ? response.#plain() : undefined;
  }

  #plain(): Response {
    return new Response(this.#text === "" ? null : this.#text, { status: this.status, statusText: this.statusText, headers: this.#headers });
  }

  #headerList(): Headers {
    if (!(this.#headers instanceof Headers)) this.#headers = new Headers(this.#headers);
    return this.#headers;
  }

  // The same text as a real body, built once: every body reader below shares it, so the body is used up once, as any body is.
  #withBody(): Response {
    this.#real ??= this.#plain();
    return this.#real;
  }

  static {
    // `headers`, `body` and `bodyUsed` are accessors on Response.prototype (enumerable, as WebIDL attributes are);
    // overriding them as accessors needs defineProperty in TypeScript.
    Object.defineProperties(this.prototype, {
      headers: { configurable: true, enumerable: true, get: function (this: DeferredBodyResponse) { return this.#headerList(); } },
      body: { configurable: true, enumerable: true, get: function (this: DeferredBodyResponse) { return this.#withBody().body; } },
      bodyUsed: { configurable: true, enumerable: true, get: function (this: DeferredBodyResponse) { return this.#real?.bodyUsed ?? false; } },
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
    // Headers are this response's now, copied. Once the stream exists it is teed, as any body is (and a used one cannot be cloned).
    if (this.#real === undefined) return new DeferredBodyResponse(this.#text, this.status, new Headers(this.#headers));
    return new Response(this.#real.clone().body, { status: this.status, statusText: this.statusText, headers: this.#headerList() });
  }
}

const jsonHeaders: HeaderRecord = Object.freeze({
  "content-type": "application/json; charset=utf-8",
  // Every response may carry a token or account data: never cache any of them.
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
});
const textHeaders: HeaderRecord = Object.freeze({ "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
const noContentHeaders: HeaderRecord = Object.freeze({ "cache-control": "no-store" });

// A response built here with `extra` headers appended to its standard ones.
function deferred(text: string, status: number, standard: HeaderRecord, extra: HeadersInit | undefined): Response {
  if (extra === undefined) return new DeferredBodyResponse(text, status, standard);
  const headers = new Headers(standard);
  for (const [name, value] of new Headers(extra)) headers.append(name, value);
  return new DeferredBodyResponse(text, status, headers);
}

/** A JSON response with Tessera's standard headers. */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  return deferred(JSON.stringify(body), status, jsonHeaders, headers);
}

/** A plain-text response with Tessera's standard caching headers. */
export function textResponse(status: number, text: string): Response {
  return new DeferredBodyResponse(text, status, textHeaders);
}

/**
 * Gives a response built here its body as a real stream (what Bun.serve,
 * Deno.serve and any fetch caller read); other responses pass unchanged.
 * A 204 too becomes a plain Response: a runtime's server need not know this package's subclass.
 */
export function materializeBody(response: Response): Response {
  return DeferredBodyResponse.plainOf(response) ?? response;
}

/** Directus's success envelope: `{"data": ...}`. */
export function dataResponse(data: unknown, headers?: HeadersInit): Response {
  return jsonResponse(200, { data }, headers);
}

/** 204 with an empty body (logout, revocations). */
export function noContentResponse(headers?: HeadersInit): Response {
  return deferred("", 204, noContentHeaders, headers);
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

/**
 * The headers of a response built by this package as a plain record (names in
 * lower case), as long as nobody has read its `headers`; undefined otherwise,
 * and for any other response. Lets the node:http adapter write them without a
 * `Headers` object ever being filled. Read-only: it may be shared.
 */
export function peekResponseHeaders(response: Response): Readonly<Record<string, string>> | undefined {
  return DeferredBodyResponse.headerRecordOf(response);
}
