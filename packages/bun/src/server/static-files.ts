import { existsSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { requestTarget } from "@tessera/fetch";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** The file under `root` that a URL path names, or null: no dot segments, dotfiles or escapes from `root`. */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.split("/").some((part) => part.startsWith("."))) return null;
  const base = resolve(root);
  const file = resolve(join(base, decoded.endsWith("/") ? `${decoded}index.html` : decoded));
  if (file !== base && !file.startsWith(base + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Serves the files of a directory (the example page) for GET and HEAD, as the
 * fetch handler's `notFound`: only requests that match no API route reach it,
 * so a file can never shadow a route, nor a route's own 404 (an unknown user).
 * Null when there is no such file, for the usual 404 envelope.
 *
 * @example
 * const handler = createFetchHandler(tessera, { notFound: staticFiles("examples/browser/dist") });
 */
export function staticFiles(root: string): (request: Request) => Response | null {
  return (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return null;
    const file = resolveStaticPath(root, requestTarget(request.url, request.headers.get("host")).pathname);
    if (file === null) return null;
    const headers = { "Content-Type": types[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    return new Response(request.method === "HEAD" ? null : Bun.file(file), { status: 200, headers });
  };
}
