import { type ClientOptions, createClient, createMemoryStorage, type FetchLike } from "@tessera/client";
import { type ServerSettings, type ServerUnderTest, startServer } from "./start-server.ts";

/** One request as it left: method and path (`POST /auth/refresh`), its bearer header and its credentials mode. */
export interface SentRequest {
  readonly route: string;
  readonly authorization: string | null;
  readonly credentials: RequestCredentials | undefined;
}

/** A fetch that keeps what went on the wire, and counts it by route. */
export interface CountingFetch {
  readonly fetch: FetchLike;
  /** Every request in the order it left. */
  readonly sent: readonly SentRequest[];
  count(route: string): number;
}

/** Wraps `inner` to record requests; each is recorded when it leaves, whatever the answer. */
export function createCountingFetch(inner: FetchLike = (input, init) => fetch(input, init)): CountingFetch {
  const sent: SentRequest[] = [];
  return {
    sent,
    fetch(input, init) {
      const route = `${init.method ?? "GET"} ${new URL(input).pathname}`;
      sent.push({ route, authorization: new Headers(init.headers).get("authorization"), credentials: init.credentials });
      return inner(input, init);
    },
    count: (route) => sent.filter((request) => request.route === route).length,
  };
}

/**
 * A fetch with a cookie jar, as a browser has: what the server sets is sent
 * back on later requests (Node, Bun and Deno keep no cookies).
 */
export function createCookieJarFetch(inner: FetchLike = (input, init) => fetch(input, init)): FetchLike & { readonly jar: Map<string, string> } {
  const jar = new Map<string, string>();
  const jarFetch = async (input: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await inner(input, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const equals = pair.indexOf("=");
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      if (value === "" || /max-age=0\b/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  return Object.assign(jarFetch, { jar });
}

/**
 * A client as a browser page holds it: its storage, a cookie jar, and a recorder of what it sent, in that order on
 * the wire. Auto-refresh is off unless `options` turns it on; `options.fetch` is always the recorder.
 */
export function recordedCookieClient(url: string, options: Omit<ClientOptions, "fetch"> = {}) {
  const storage = options.storage ?? createMemoryStorage();
  const jarFetch = createCookieJarFetch();
  const wire = createCountingFetch(jarFetch);
  return { storage, jarFetch, wire, client: createClient(url, { autoRefresh: false, ...options, storage, fetch: wire.fetch }) };
}

/** Starts a server, runs `body` against it, and always stops it. */
export async function withServer(settings: ServerSettings, body: (server: ServerUnderTest) => Promise<void>): Promise<void> {
  const server = await startServer(settings);
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

/** Waits real time: the server under test runs on the system clock. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Posts JSON straight to the server, bypassing the client (to check what the server thinks of a token). */
export async function rawPost(url: string, path: string, json: unknown, token?: string): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== undefined) headers["authorization"] = `Bearer ${token}`;
  const response = await fetch(url + path, { method: "POST", headers, body: JSON.stringify(json) });
  await response.body?.cancel();
  return response.status;
}

/** GETs with a bearer token straight from the server, bypassing the client. */
export async function rawGetStatus(url: string, path: string, token: string): Promise<number> {
  const response = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status;
}
