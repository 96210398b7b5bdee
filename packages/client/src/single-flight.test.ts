import assert from "node:assert/strict";
import { test } from "node:test";
import { createSingleFlight } from "./single-flight.ts";

test("concurrent runs share one execution of the task", async () => {
  const flight = createSingleFlight<number>();
  let runs = 0;
  const task = async () => {
    runs += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return runs;
  };
  const results = await Promise.all(Array.from({ length: 20 }, () => flight.run(task)));
  assert.equal(runs, 1);
  assert.deepEqual(new Set(results), new Set([1]));
});

test("a run after the flight landed starts a new one", async () => {
  const flight = createSingleFlight<number>();
  let runs = 0;
  const task = async () => ++runs;
  assert.equal(await flight.run(task), 1);
  assert.equal(await flight.run(task), 2);
});

test("a failure reaches every caller of that flight, and the next run starts afresh", async () => {
  const flight = createSingleFlight<string>();
  const failing = async () => {
    await Promise.resolve();
    throw new Error("refused");
  };
  const outcomes = await Promise.allSettled([flight.run(failing), flight.run(failing)]);
  assert.deepEqual(outcomes.map((o) => o.status), ["rejected", "rejected"]);
  assert.equal(await flight.run(async () => "fresh"), "fresh");
});
