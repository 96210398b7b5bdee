import type { Route } from "./routes/route-table.ts";

/** The route for a request, the methods its path allows (for 405), or nothing (404). */
export type RouteMatch =
  | { readonly kind: "found"; readonly route: Route; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: "wrong_method"; readonly allowed: readonly string[] }
  | { readonly kind: "not_found" };

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly string[];
}

const idPattern = /^[A-Za-z0-9_-]{1,128}$/;

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = segments[i] as string;
    if (expected.startsWith(":")) {
      // `me` is a route of its own, never a user id.
      if (actual === "me" || !idPattern.test(actual)) return null;
      params[expected.slice(1)] = actual;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

/**
 * Builds a matcher over a route table. Paths are compared segment by segment;
 * one trailing slash is ignored. Literal routes win over `:param` routes
 * because `:param` never matches `me`.
 */
export function createRouteMatcher(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route, segments: route.path.split("/").slice(1) }));
  const scan = (method: string, path: string): RouteMatch => {
    const segments = path.split("/").slice(1);
    const allowed: string[] = [];
    for (const { route, segments: pattern } of compiled) {
      const params = matchSegments(pattern, segments);
      if (params === null) continue;
      if (route.method === method) return { kind: "found", route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: "wrong_method", allowed } : { kind: "not_found" };
  };
  // Most requests name a literal route path with one of the table's methods: their answers are taken from the scan
  // once, here, and frozen (they are shared), so such a request costs two Map look-ups. Anything else is scanned.
  const methods = [...new Set(routes.map((route) => route.method))];
  const known = new Map<string, Map<string, RouteMatch>>();
  for (const { path } of routes) {
    if (path.includes(":")) continue;
    known.set(path, new Map(methods.map((method) => [method, frozen(scan(method, path))])));
  }
  return (method, path) => {
    const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
    return known.get(trimmed)?.get(method) ?? scan(method, trimmed);
  };
}

// The answer and the params or allowed list inside it, frozen: one object serves every request for its path and method.
function frozen(match: RouteMatch): RouteMatch {
  if (match.kind === "found") Object.freeze(match.params);
  if (match.kind === "wrong_method") Object.freeze(match.allowed);
  return Object.freeze(match);
}
