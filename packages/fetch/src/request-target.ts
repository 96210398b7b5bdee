const fallbackOrigin = "http://localhost";
// host[:port] or [ipv6][:port]: nothing that could end the authority part of a URL (/ \ ? # @ space %).
const hostPattern = /^[A-Za-z0-9._-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/;

/** Whether a Host header is a plain `host[:port]`, which cannot move the path when a URL is built from it. */
export function isPlainHost(host: string): boolean {
  return hostPattern.test(host);
}

// Appended, not resolved against the origin: as a reference, `//users/x` would name a host.
function fromPath(path: string): URL {
  return new URL(fallbackOrigin + (path.startsWith("/") ? path : "/"));
}

// The path and query a runtime appended to the client's Host, read by position rather than by a URL parser, for
// which a Host like `x\y` or `x?y` would end the authority early and so change the path.
function pathAfterHost(url: string, host: string | null): string {
  if (url.startsWith("/")) return url;
  const authority = url.indexOf("://") + 3;
  if (host !== null && host !== "" && url.startsWith(host, authority)) return url.slice(authority + host.length);
  const pathStart = url.indexOf("/", authority);
  return pathStart < 0 ? "/" : url.slice(pathStart);
}

/**
 * The URL a request asks for. A runtime builds `request.url` from the
 * client's Host header, and the Host is client input: one the URL parser
 * refuses (`localhost:99999`, `a b`) makes `new URL()` throw; one with a
 * `\`, `/` or `?` moves the path (Deno gives `http://x\y/server/ping`, whose
 * path is `/y/server/ping`); and Bun gives a bare path for some hosts or
 * none. Routing needs only the path and query: unless the Host is plain,
 * they are taken from after it and read against a fixed origin.
 *
 * @example
 * requestTarget("http://x\\y/server/ping?a=1", "x\\y").pathname; // "/server/ping"
 */
export function requestTarget(url: string, host: string | null): URL {
  if (host === null || isPlainHost(host)) {
    try {
      return new URL(url);
    } catch {
      // A plain host with a port over 65535 or an IPv4 part over 255, or no Host at all.
    }
  }
  return fromPath(pathAfterHost(url, host));
}
