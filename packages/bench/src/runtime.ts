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

/**
 * The synchronous crypto ports this runtime can use, the one to use first:
 * `Bun.CryptoHasher` on Bun (imported only there, since it needs the Bun
 * global), `node:crypto` everywhere, and hash-wasm (WebAssembly) everywhere,
 * first on Deno, whose `node:crypto` builds a stream for each HMAC.
 */
export async function syncCryptoPorts(): Promise<readonly NamedCrypto[]> {
  const node: NamedCrypto = { name: "node:crypto", crypto: createNodeCrypto() };
  const wasm: NamedCrypto = { name: "hash-wasm", crypto: await createWasmCrypto() };
  const runtime = currentRuntime().name;
  if (runtime === "deno") return [wasm, node];
  if (runtime === "node") return [node, wasm];
  const { createBunCrypto } = await import("@tessera/bun");
  return [{ name: "Bun.CryptoHasher", crypto: createBunCrypto() }, node, wasm];
}
