/**
 * Tessera's HTTP layer as one web-standard function, `(Request) => Promise<Response>`,
 * with every route in Directus's wire format. Runtime adapters (Bun, Node, Deno,
 * workers) only move bytes.
 * @module
 */
export { type ConnectionInfo, createFetchHandler, type FetchHandler } from "./create-fetch-handler.ts";
export type { CookieOptions, FetchHandlerOptions } from "./handler-options.ts";
export type { CorsOptions } from "./cors.ts";
export { type AuthMode, authModes } from "./schemas.ts";
export type { HttpErrorCode, Refusal } from "./refusal.ts";
export { peekResponseHeaders, peekResponseText } from "./responses.ts";
export { isPlainHost, requestTarget } from "./request-target.ts";
