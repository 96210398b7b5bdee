import type { FetchLike } from "@tessera/client";
import { type ServerSettings, type ServerUnderTest, startServer } from "./start-server.ts";

/** A fetch that counts what went on the wire, by method and path (`POST /auth/refresh`). */
export interface CountingFetch {
  readonly fetch: FetchLike;
  count(route: string): number;
}

/** Wraps `inner` to count requests; the count is taken when the request leaves, whatever the answer. */
export function createCountingFetch(inner: FetchLike = (input, init) => fetch(input, init)): CountingFetch {
  const counts = new Map<string, number>();
  return {
    fetch(input, init) {
      const route = `${init.method ?? "GET"} ${new URL(input).pathname}`;
      counts.set(route, (counts.get(route) ?? 0) + 1);
      return inner(input, init);
    },
    count: (route) => counts.get(route) ?? 0,
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
