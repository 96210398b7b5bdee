// The suite must have teeth: the same properties, with the same run count,
// find a counterexample in every deliberately broken variant of the service.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { brokenVariants } from "./broken-variants.ts";
import { memoryStoreFactory } from "./memory-store-factory.ts";
import { rotationModelProperty } from "./model-property.ts";
import { raceProperty } from "./race-property.ts";
import type { Variant } from "./system.ts";

// A counterexample must be a broken rule, not a crash of the test harness.
const ruleFailures = new Set(["InvariantViolation", "ModelMismatch"]);

async function findCounterexample(variant: Variant): Promise<{ readonly property: string; readonly error: unknown } | null> {
  const target = { factory: memoryStoreFactory, variant };
  const properties = [
    ["model", () => rotationModelProperty(target)],
    ["races", () => raceProperty(target)],
  ] as const;
  for (const [property, build] of properties) {
    // No shrinking: finding the counterexample is the point, not minimising it.
    const details = await fc.check(build() as fc.IAsyncProperty<unknown>, { numRuns: memoryStoreFactory.runs, endOnFailure: true });
    if (details.failed) return { property, error: details.errorInstance };
  }
  return null;
}

for (const variant of brokenVariants) {
  test(`the properties catch the broken variant "${variant.name}"`, async () => {
    const found = await findCounterexample(variant);
    assert.ok(found !== null, `no property found a counterexample to "${variant.name}" in ${memoryStoreFactory.runs} runs: a hole in the suite`);
    const error = found.error as Error;
    assert.ok(ruleFailures.has(error.name), `the ${found.property} property failed with ${error.name}, not a broken rule: ${error.message}`);
  });
}
