import { fileURLToPath } from "node:url";
import type { RuntimeName } from "./runtime.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;

/** The repository root, where child processes run so that workspace packages resolve. */
export const repositoryRoot = root;

/**
 * The command line that runs a TypeScript file on a runtime, as `npm test`
 * runs tests: Bun and Deno run the sources directly; Node goes through tsx
 * with the `source` export condition.
 *
 * @example
 * const [command, ...args] = runtimeCommand("node", "packages/bench/src/child.ts", ["verify", "{}"]);
 */
export function runtimeCommand(runtime: RuntimeName, file: string, args: readonly string[]): readonly string[] {
  switch (runtime) {
    case "bun":
      return [bin("bun"), file, ...args];
    case "deno":
      return [bin("deno"), "run", "-A", file, ...args];
    case "node":
      return ["node", "--conditions=source", "--import", "tsx", file, ...args];
  }
}
