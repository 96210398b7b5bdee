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

/** fast-check parameters for the property of that name: its runs, or the seed and path being replayed. */
export function parametersFor<T>(name: string, numRuns: number): fc.Parameters<T> {
  const replaying = seed !== undefined && (selected === undefined || selected === name);
  if (!replaying) return { numRuns };
  return { numRuns, seed: Number(seed), ...(path === undefined || path === "" ? {} : { path }) };
}

/** The one command that replays a failure of this property. */
export function replayCommand(name: string, file: string, details: { readonly seed: number; readonly counterexamplePath: string | null }): string {
  const pathPart = details.counterexamplePath === null ? "" : ` TESSERA_PATH='${details.counterexamplePath}'`;
  return `TESSERA_PROPERTY='${name}' TESSERA_SEED=${details.seed}${pathPart} node scripts/test.mjs --no-build bun ${file}`;
}

/**
 * Registers a property as a test: it runs `numRuns` times and, on failure,
 * throws fast-check's report (seed, path, shrunk counterexample) followed by
 * the replay command. With `TESSERA_PROPERTY` set, only that property runs.
 */
export function propertyTest<T>(name: string, file: string, numRuns: number, property: () => fc.IAsyncProperty<T>): void {
  if (selected !== undefined && selected !== name) {
    test.skip(`${name} (skipped: TESSERA_PROPERTY selects another property)`, () => {});
    return;
  }
  test(name, async () => {
    const details = await fc.check(property(), parametersFor(name, numRuns));
    if (details.failed) {
      const report = fc.defaultReportMessage(details) ?? "the property failed";
      throw new Error(`${report}\n\nReplay: ${replayCommand(name, file, details)}`);
    }
  });
}
