/** Cross-origin settings; CORS is off unless these are given. */
export interface CorsOptions {
  /** Allowed origins (`https://app.example.com`), or `"*"` for any origin. */
  readonly origin: readonly string[] | "*";
  /** Let browsers send cookies cross-origin (cookie and session modes); default false. */
  readonly credentials?: boolean;
  /** How long a browser may cache a preflight answer, in seconds; default 600. */
  readonly maxAgeSeconds?: number;
}

const allowedMethods = "GET, POST, PATCH, DELETE, OPTIONS";
const allowedHeaders = "Authorization, Content-Type";

function allowedOrigin(cors: CorsOptions, origin: string | null): string | null {
  if (origin === null) return null;
  if (cors.origin === "*") return cors.credentials === true ? origin : "*";
  return cors.origin.includes(origin) ? origin : null;
}

/** The CORS headers for a response to a request from `origin`, or none when the origin is not allowed. */
export function corsHeaders(cors: CorsOptions, origin: string | null): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (allowed === null) return cors.origin === "*" ? {} : { Vary: "Origin" };
  const headers: Record<string, string> = { "Access-Control-Allow-Origin": allowed, Vary: "Origin" };
  if (cors.credentials === true) headers["Access-Control-Allow-Credentials"] = "true";
  return headers;
}

/** The answer to a preflight `OPTIONS` request. */
export function preflightHeaders(cors: CorsOptions, origin: string | null): Record<string, string> {
  const headers = corsHeaders(cors, origin);
  if (headers["Access-Control-Allow-Origin"] === undefined) return headers;
  return {
    ...headers,
    "Access-Control-Allow-Methods": allowedMethods,
    "Access-Control-Allow-Headers": allowedHeaders,
    "Access-Control-Max-Age": String(cors.maxAgeSeconds ?? 600),
  };
}
