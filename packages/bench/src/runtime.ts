import type { CryptoPort } from "@tessera/core";
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
 * The native crypto ports this runtime can use: `node:crypto` everywhere, and
 * `Bun.CryptoHasher` on Bun (imported only there, since it needs the Bun global).
 */
export async function nativeCryptoPorts(): Promise<readonly NamedCrypto[]> {
  const ports: NamedCrypto[] = [{ name: "node:crypto", crypto: createNodeCrypto() }];
  if (currentRuntime().name === "bun") {
    const { createBunCrypto } = await import("@tessera/bun");
    ports.unshift({ name: "Bun.CryptoHasher", crypto: createBunCrypto() });
  }
  return ports;
}
