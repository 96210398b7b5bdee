// How many runs each property gets, and how a failure is replayed: the seed
// and path that fast-check prints can be passed back through the environment.
import process from "node:process";
import { test } from "node:test";
import fc from "fast-check";

/** Runs per property: 500 by default, `TESSERA_PROPERTY_RUNS` raises it for long runs. */
export const defaultRuns = Math.max(500, Number(process.env["TESSERA_PROPERTY_RUNS"] ?? 0) || 0);

/** Scales a store's share of the runs the same way (`TESSERA_PROPERTY_RUNS` multiplies every count alike). */
export function runsFor(baseRuns: number): number {
  return Math.round((baseRuns * defaultRuns) / 500);
}

const selected = process.env["TESSERA_PROPERTY"];
const seed = process.env["TESSERA_SEED"];
const path = process.env["TESSERA_PATH"];
const replayPath = process.env["TESSERA_REPLAY_PATH"];

const replaying = (name: string) => seed !== undefined && (selected === undefined || selected === name);

/** fast-check parameters for the property of that name: its runs, or the seed and path being replayed. */
export function parametersFor<T>(name: string, numRuns: number): fc.Parameters<T> {
  if (!replaying(name)) return { numRuns };
  // As fast-check's own hint says: a replayed path stops at its failure.
  return { numRuns, seed: Number(seed), ...(path === undefined || path === "" ? {} : { path, endOnFailure: true }) };
}

/**
 * The command sequence being replayed (`TESSERA_REPLAY_PATH`, the
 * `replayPath` fast-check prints next to a command counterexample): a path
 * alone cannot rebuild a shrunk command sequence, as shrinking commands
 * depends on which of them ran.
 */
export function commandsReplayPath(name: string): string | undefined {
  return replaying(name) && replayPath !== "" ? replayPath : undefined;
}

/** The one command that replays a failure of this property. */
export function replayCommand<T>(name: string, file: string, details: fc.RunDetails<T>): string {
  const pathPart = details.counterexamplePath === null ? "" : ` TESSERA_PATH='${details.counterexamplePath}'`;
  const commands = /replayPath="([^"]*)"/.exec(fc.stringify(details.counterexample))?.[1];
  const commandsPart = commands === undefined ? "" : ` TESSERA_REPLAY_PATH='${commands}'`;
  return `TESSERA_PROPERTY='${name}' TESSERA_SEED=${details.seed}${pathPart}${commandsPart} node scripts/test.mjs --no-build bun ${file}`;
}

/**
 * Registers a property as a test: it runs `numRuns` times and, on failure,
 * throws fast-check's report (seed, path, shrunk counterexample) followed by
 * the replay command. With `TESSERA_PROPERTY` set, only that property runs.
 */
export function propertyTest<T>(name: string, file: string, numRuns: number, property: () => fc.IAsyncProperty<T>, cleanup?: () => Promise<void>): void {
  if (selected !== undefined && selected !== name) {
    test.skip(`${name} (skipped: TESSERA_PROPERTY selects another property)`, () => {});
    return;
  }
  test(name, async () => {
    const details = await fc.check(property(), parametersFor(name, numRuns)).finally(cleanup);
    if (details.failed) {
      const report = fc.defaultReportMessage(details) ?? "the property failed";
      const cause = details.errorInstance instanceof Error ? `${details.errorInstance.name}: ${details.errorInstance.message}` : String(details.errorInstance);
      throw new Error(`${report}\n${cause}\n\nReplay: ${replayCommand(name, file, details)}`, { cause: details.errorInstance });
    }
  });
}
