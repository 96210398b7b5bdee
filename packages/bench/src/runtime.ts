import type { CryptoPort } from "@tessera/core";
import { createWasmCrypto } from "@tessera/core/wasm-crypto";
import { createNodeCrypto } from "@tessera/node";

/** The JavaScript runtimes the bench runs on. */
export const runtimeNames = ["bun", "node", "deno"] as const;
/** See {@link runtimeNames}. */
export type RuntimeName = (typeof runtimeNames)[number];

/** Which runtime this process is, and its version. */
export interface RuntimeInfo {
  readonly name: RuntimeName;
  readonly version: string;
}

interface RuntimeGlobals {
  readonly Bun?: { readonly version: string };
  readonly Deno?: { readonly version: { readonly deno: string } };
}

/** Detects the current runtime from its globals. */
export function currentRuntime(): RuntimeInfo {
  const globals = globalThis as RuntimeGlobals;
  if (globals.Bun !== undefined) return { name: "bun", version: globals.Bun.version };
  if (globals.Deno !== undefined) return { name: "deno", version: globals.Deno.version.deno };
  return { name: "node", version: process.versions.node };
}

/** A crypto port with the name it is reported under. */
export interface NamedCrypto {
  readonly name: string;
  readonly crypto: CryptoPort;
}

/** The synchronous crypto ports the bench knows, by the name they are reported under. */
export type PortName = "Bun.CryptoHasher" | "node:crypto" | "hash-wasm";

/**
 * The synchronous crypto ports each runtime can use, the one to use first:
 * `Bun.CryptoHasher` on Bun, `node:crypto` on Node, and hash-wasm (WebAssembly)
 * on Deno, whose `node:crypto` builds a stream for each HMAC.
 */
export const portOrder: Readonly<Record<RuntimeName, readonly PortName[]>> = {
  bun: ["Bun.CryptoHasher", "node:crypto", "hash-wasm"],
  node: ["node:crypto", "hash-wasm"],
  deno: ["hash-wasm", "node:crypto"],
};

/** Builds the named port (`Bun.CryptoHasher` is imported only when asked for, since it needs the Bun global). */
export async function createNamedPort(name: PortName): Promise<CryptoPort> {
  if (name === "node:crypto") return createNodeCrypto();
  if (name === "hash-wasm") return createWasmCrypto();
  const { createBunCrypto } = await import("@tessera/bun");
  return createBunCrypto();
}

/** This runtime's synchronous crypto ports, in {@link portOrder}. */
export async function syncCryptoPorts(): Promise<readonly NamedCrypto[]> {
  return Promise.all(portOrder[currentRuntime().name].map(async (name) => ({ name, crypto: await createNamedPort(name) })));
}
