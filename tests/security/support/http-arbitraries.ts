import fc from "fast-check";
import { bodyArbitrary, type FuzzBody } from "./body-arbitraries.ts";

/** Real values the generators mix in, so that fuzzed requests also get past the first checks. */
export interface FuzzPool {
  /** Access, refresh and static tokens that the server issued. */
  readonly tokens: readonly string[];
  /** User and session ids. */
  readonly ids: readonly string[];
  readonly emails: readonly string[];
  readonly passwords: readonly string[];
}

/** Limits that depend on the transport (a socket server has its own header and body caps). */
export interface FuzzLimits {
  /** Longest string put in a header value or the query string. */
  readonly maxHeaderChars: number;
  /** Longest string put in a body. */
  readonly maxBodyChars: number;
}

/** One generated request. */
export interface FuzzRequest {
  readonly method: string;
  /** Path and query, starting with `/`. */
  readonly path: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: FuzzBody;
}

const routes: ReadonlyArray<readonly [string, string]> = [
  ["POST", "/auth/login"], ["POST", "/auth/refresh"], ["POST", "/auth/logout"], ["GET", "/auth/sessions"], ["DELETE", "/auth/sessions/:id"],
  ["GET", "/users/me"], ["PATCH", "/users/me"], ["POST", "/users/me/token"], ["DELETE", "/users/me/token"], ["GET", "/users"], ["POST", "/users"],
  ["GET", "/users/:id"], ["PATCH", "/users/:id"], ["DELETE", "/users/:id"], ["POST", "/users/:id/token"], ["DELETE", "/users/:id/token"],
  ["GET", "/users/:id/sessions"], ["DELETE", "/users/:id/sessions"], ["GET", "/server/health"], ["GET", "/server/ping"],
];

// CONNECT, TRACE and TRACK are refused by the Request constructor itself, so they cannot reach a handler.
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "get", "post", "patch", "PROPFIND", "FOO", "M-SEARCH", "LINK"];

const printable = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

/** Tokens: the pool's, mutated ones, junk, and very long ones. */
export function tokenArbitrary(pool: FuzzPool, maxChars: number): fc.Arbitrary<string> {
  const real = fc.constantFrom(...pool.tokens);
  return fc.oneof(
    { weight: 3, arbitrary: real },
    { weight: 3, arbitrary: fc.tuple(real, fc.nat(), fc.constantFrom("A", "_", "-", ".", "%", " ")).map(([t, i, c]) => t.slice(0, i % t.length) + c + t.slice((i % t.length) + 1)) },
    { weight: 1, arbitrary: fc.tuple(real, fc.nat()).map(([t, i]) => t.slice(0, i % t.length)) },
    { weight: 1, arbitrary: real.map((t) => t.split(".").slice(0, 2).join(".") + ".") },
    { weight: 1, arbitrary: real.map((t) => t.toUpperCase()) },
    { weight: 2, arbitrary: printable(80) },
    { weight: 1, arbitrary: fc.constantFrom("tsk_", "tsk_" + "0".repeat(38), "e30.e30.", "null", "undefined", "..", "Bearer") },
    { weight: 1, arbitrary: fc.integer({ min: 4097, max: Math.max(4097, maxChars) }).map((n) => "x".repeat(n)) },
  );
}

function idArbitrary(pool: FuzzPool): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...pool.ids), printable(40).map(encodeURIComponent), fc.constantFrom("..", "%2e%2e", "%00", "%ff", "%", "%zz", "me", "0", "-1", "😀"));
}

function queryArbitrary(pool: FuzzPool, limits: FuzzLimits): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: tokenArbitrary(pool, limits.maxHeaderChars).map((t) => `?access_token=${encodeURIComponent(t)}`) },
    { weight: 1, arbitrary: fc.constantFrom("?access_token=a&access_token=b", "?access_token=", "?mode=cookie", "?%=%", "?access_token[]=x", "?&&==") },
    { weight: 1, arbitrary: printable(60).map((q) => `?${q.replace(/#/g, "")}`) },
  );
}

/** A route of the table with its own method, so that most requests reach a handler's body parsing and checks. */
function routedArbitrary(pool: FuzzPool, limits: FuzzLimits): fc.Arbitrary<{ method: string; path: string }> {
  // The three body-reading /auth routes get extra weight: they parse the most input before any check.
  const route = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...routes) }, { weight: 2, arbitrary: fc.constantFrom(...routes.slice(0, 3)) });
  return fc.tuple(route, idArbitrary(pool), queryArbitrary(pool, limits)).map(([[method, path], id, query]) => ({ method, path: path.replace(":id", id) + query }));
}

/** Any method on any path: known routes bent out of shape, junk segments, very long paths. */
function strayArbitrary(pool: FuzzPool, limits: FuzzLimits): fc.Arbitrary<{ method: string; path: string }> {
  const id = idArbitrary(pool);
  const known = fc.tuple(fc.constantFrom(...routes), id).map(([[, path], value]) => path.replace(":id", value));
  const segment = fc.oneof(
    fc.constantFrom("auth", "login", "refresh", "logout", "sessions", "users", "me", "token", "server", "health", "ping", "AUTH", "", ".", ".."),
    id,
    fc.string({ maxLength: 12 }),
  );
  const junk = fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => "/" + parts.join("/"));
  const long = fc.integer({ min: 1000, max: Math.max(1000, limits.maxHeaderChars) }).map((n) => "/users/" + "a".repeat(n));
  const base = fc.oneof({ weight: 4, arbitrary: known }, { weight: 3, arbitrary: junk }, { weight: 1, arbitrary: long });
  const variant = fc.constantFrom((p: string) => p, (p: string) => `${p}/`, (p: string) => `/${p}`, (p: string) => p.toUpperCase(), (p: string) => p.replace("/", "/./"));
  const method = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...methods) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,10}$/).filter((m) => !/^(connect|trace|track)$/i.test(m)) });
  return fc.tuple(method, base, variant, queryArbitrary(pool, limits)).map(([m, path, change, query]) => ({ method: m, path: change(path) + query }));
}

// Hosts the URL parser refuses, or that would end the authority early and so move the path (\\ / ? # @).
const hostArbitrary = fc.oneof(
  fc.constantFrom("localhost:99999", "999.999.999.999", "a b", "[::1]:70000", "exa%mple", "x\\y", "x/auth/login?", "x?y", "x#y", "x@y", "", "[::1", "0x7f.1"),
  printable(40),
);

function headersArbitrary(pool: FuzzPool, limits: FuzzLimits): fc.Arbitrary<ReadonlyArray<readonly [string, string]>> {
  const token = tokenArbitrary(pool, limits.maxHeaderChars);
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant("application/json") },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        "application/json; charset=utf-8", "APPLICATION/JSON", "application/vnd.api+json", "application/json; charset=latin1", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/jsonx", "", ";", "application/",
      ),
    },
    { weight: 1, arbitrary: printable(40) },
  );
  const header = fc.oneof(
    { weight: 1, arbitrary: contentType.map((v) => ["content-type", v] as const) },
    { weight: 5, arbitrary: token.map((t) => ["authorization", `Bearer ${t}`] as const) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("Basic ", "bearer ", "Bearer  ", "Bearer", "Token ", ""), printable(40)).map(([s, v]) => ["authorization", s + v] as const) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom("tessera_refresh_token", "tessera_session_token", "x"), token).map(([n, t]) => ["cookie", `${n}=${t}`] as const) },
    { weight: 1, arbitrary: printable(60).map((v) => ["cookie", v] as const) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("user-agent", "origin", "x-forwarded-for", "accept", "x-requested-with", "accept-encoding"), printable(60)).map(([n, v]) => [n, v] as const) },
    { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), printable(100)).map(([n, v]) => [n, v] as const) },
    { weight: 1, arbitrary: hostArbitrary.map((v) => ["host", v] as const) },
  );
  // Most requests declare a content type (mostly JSON), so that bodies get as far as the JSON parser and the schemas.
  const declared = fc.option(contentType.map((v) => ["content-type", v] as const), { nil: undefined, freq: 5 });
  return fc.tuple(declared, fc.array(header, { maxLength: 4 })).map(([type, rest]) => (type === undefined ? rest : [type, ...rest]));
}

/**
 * Requests of every shape the issue names: random methods, paths and headers,
 * and bodies of the wrong shape, huge, deeply nested, invalid UTF-8, with
 * duplicate keys, of the wrong content type, or empty.
 */
export function fuzzRequestArbitrary(pool: FuzzPool, limits: FuzzLimits): fc.Arbitrary<FuzzRequest> {
  const target = fc.oneof({ weight: 3, arbitrary: routedArbitrary(pool, limits) }, { weight: 1, arbitrary: strayArbitrary(pool, limits) });
  return fc.record({ target, headers: headersArbitrary(pool, limits), body: bodyArbitrary(pool, limits.maxBodyChars, tokenArbitrary(pool, 200)) }).map(({ target, headers, body }) => ({ ...target, headers, body }));
}
