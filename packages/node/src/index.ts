/**
 * Tessera on Node: native crypto and argon2id ports, signing keys derived from a secret, and the node:http adapter.
 * @module
 */
export { createNodeCrypto } from "./node-crypto.ts";
export { deriveSigningKey } from "./derive-signing-key.ts";
export { type Argon2Options, createArgon2Hasher } from "./argon2-hasher.ts";
export { type NodeListenerOptions, toNodeListener } from "./to-node-listener.ts";
