/**
 * Tessera on Bun: native crypto and password ports, and the Bun.serve adapter.
 * The reference server (`npm start`) and the CLI live in `src/server` and `src/cli`.
 * @module
 */
export { createBunCrypto } from "./bun-crypto.ts";
export { createBunPasswordHasher } from "./bun-password-hasher.ts";
export { type ServeOptions, serve } from "./serve.ts";
