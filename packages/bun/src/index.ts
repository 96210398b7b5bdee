/**
 * Tessera on Bun: native crypto and password ports, and (soon) the Bun.serve adapter and reference server.
 * @module
 */
export { createBunCrypto } from "./bun-crypto.ts";
export { createBunPasswordHasher } from "./bun-password-hasher.ts";
