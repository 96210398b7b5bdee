import type { FetchHandler } from "@tessera/fetch";

/** Where log lines go; one JSON object per line. */
export type LogSink = (line: string) => void;

/**
 * Wraps a handler to write one structured line per request: method, path
 * (never the query string, which may hold `?access_token=`), status, duration
 * and client address. Headers and bodies are never logged.
 */
export function withRequestLog(handler: FetchHandler, sink: LogSink, now: () => number = () => performance.now()): FetchHandler {
  return async (request, info) => {
    const started = now();
    const response = await handler(request, info);
    const url = request.url;
    // Bun gives a bare path when the Host holds a space and the like, or is missing.
    const pathStart = url.startsWith("/") ? 0 : url.indexOf("/", url.indexOf("//") + 2);
    const queryStart = url.indexOf("?", pathStart);
    const path = url.slice(pathStart, queryStart < 0 ? undefined : queryStart).slice(0, 200);
    sink(JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "request", method: request.method, path, status: response.status, ms: Math.round((now() - started) * 10) / 10, ip: info?.clientAddress ?? null }));
    return response;
  };
}
