/**
 * The web-standard platform bindings that every runtime and browser has: the
 * system clock, `crypto.getRandomValues` and WebCrypto. They live outside
 * `src/` because the core proper must not touch runtime globals; this is the
 * portable default that runtime adapters may replace with native crypto.
 * @module
 */
export { systemClock } from "./system-clock.ts";
export { webRandom } from "./web-random.ts";
export { createWebCrypto } from "./web-crypto.ts";
