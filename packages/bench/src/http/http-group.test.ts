import assert from "node:assert/strict";
import { test } from "node:test";
import { sameRoundRatio, toHttpFigure } from "./http-group.ts";
import type { WrkRun } from "./run-wrk.ts";

const run = (requestsPerSec: number): WrkRun => ({ requestsPerSec, p50Ms: 1, p99Ms: 2, errors: 0, requests: requestsPerSec });

test("an HTTP figure's ratio is the median of same-round ratios, with the lowest and highest round beside it", () => {
  // Round by round: 20/100, 30/60, 10/50 = 0.2, 0.5, 0.2; the median of the rates alone (20/60) would say 0.33.
  const figure = toHttpFigure("bun", "scenario", [run(20), run(30), run(10)], [run(100), run(60), run(50)]);
  assert.equal(figure.requestsPerSec, 20);
  assert.equal(figure.ratioToBare, 0.2);
  assert.deepEqual(figure.ratioRange, [0.2, 0.5]);
});

test("the ceiling itself has no ratio", () => {
  const figure = toHttpFigure("bun", "bare", [run(100)], null);
  assert.equal(figure.ratioToBare, null);
  assert.equal(figure.ratioRange, null);
});

test("a same-round ratio between two scenarios pairs their rounds, not their medians", () => {
  // Round by round: 10/100, 30/30, 50/50 = 0.1, 1, 1; the medians alone (30/50) would say 0.6.
  const route = toHttpFigure("bun", "route", [run(10), run(30), run(50)], null);
  const floor = toHttpFigure("bun", "floor", [run(100), run(30), run(50)], null);
  assert.equal(sameRoundRatio(route, floor), 1);
  assert.ok(Number.isNaN(sameRoundRatio(route, { ...floor, runs: [] })));
});
