import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { GroupOptions } from "./groups/group-options.ts";
import type { GroupResult } from "./groups/group-result.ts";
import type { GroupName } from "./groups/run-group.ts";
import { resultMarker } from "./result-marker.ts";
import type { RuntimeName } from "./runtime.ts";
import { repositoryRoot, runtimeCommand } from "./runtime-command.ts";

const entry = fileURLToPath(new URL("./child.ts", import.meta.url));

/** A group that produced no result, with the reason (the child's exit and the tail of its output). */
export interface ChildFailure {
  readonly group: GroupName;
  readonly runtime: RuntimeName;
  readonly why: string;
}

/**
 * Runs one in-process group on a runtime in a child process and reads its
 * JSON result; a child that fails becomes a {@link ChildFailure}, reported in
 * the table, instead of ending the whole bench.
 *
 * @example
 * const result = await runChild("deno", "verify", options);
 */
export function runChild(runtime: RuntimeName, group: GroupName, options: GroupOptions): Promise<GroupResult | ChildFailure> {
  const [command, ...args] = runtimeCommand(runtime, entry, [group, JSON.stringify(options)]);
  return new Promise((resolve) => {
    const child = spawn(command as string, args, { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on("error", (error) => resolve({ group, runtime, why: `could not start ${command}: ${error.message}` }));
    child.on("close", (code, signal) => {
      const line = stdout.split("\n").find((l) => l.startsWith(resultMarker));
      if (code === 0 && line !== undefined) return resolve(JSON.parse(line.slice(resultMarker.length)) as GroupResult);
      const tail = `${stderr}${stdout}`.trim().split("\n").slice(-6).join(" | ");
      resolve({ group, runtime, why: `child exited ${code ?? signal}: ${tail}` });
    });
  });
}

/** True for a result, false for a failure. */
export function isGroupResult(value: GroupResult | ChildFailure): value is GroupResult {
  return "figures" in value;
}
