import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseBenchArgs } from "./bench-args.ts";
import type { GroupResult } from "./groups/group-result.ts";
import { runGroup } from "./groups/run-group.ts";
import { parseWrkReport } from "./http/run-wrk.ts";
import { evaluateTargets } from "./report/evaluate-targets.ts";
import type { BenchResults, GitState } from "./report/bench-results.ts";
import { formatReport } from "./report/format-report.ts";
import { currentRuntime } from "./runtime.ts";

// Benchmarks are not tests: nothing here looks at how fast anything was, only
// that the harness still runs end to end and produces well-formed figures.
const tiny = { warmupMs: 1, samples: 2, sampleMs: 1 };

function assertWellFormed(result: GroupResult, group: string): void {
  const roundTripped = JSON.parse(JSON.stringify(result)) as GroupResult;
  assert.deepEqual(roundTripped, result, "a group result survives JSON, as the driver reads it");
  assert.equal(result.group, group);
  assert.equal(result.runtime.name, currentRuntime().name);
  assert.ok(result.figures.length > 0, "at least one figure");
  for (const figure of result.figures) {
    assert.ok(Number.isFinite(figure.opsPerSec) && figure.opsPerSec > 0, `${figure.name}: ops/s is a positive number`);
    assert.ok(Number.isFinite(figure.usPerOp) && figure.usPerOp > 0, `${figure.name}: µs/op is a positive number`);
    assert.equal(figure.samples.length, tiny.samples, `${figure.name}: one rate per sample`);
  }
  for (const ratio of result.ratios) assert.ok(Number.isFinite(ratio.value) && ratio.value > 0, `${ratio.name}: a positive ratio`);
}

test("the verify group runs with a tiny count and yields positive figures and ratios against jose and jsonwebtoken", async () => {
  const result = await runGroup("verify", { measure: tiny, pgUrl: null, pgUrlLarge: null, workDir: tmpdir(), growthSizes: [1, 2] });
  assertWellFormed(result, "verify");
  const names = result.figures.map((f) => f.name);
  for (const expected of ["tessera stateless (node:crypto)", "tessera stateless (WebCrypto)", "jose jwtVerify (CryptoKey)", "jsonwebtoken verify (string secret)"]) {
    assert.ok(names.includes(expected), `measures ${expected}`);
  }
  assert.ok(result.ratios.some((r) => r.name === "stateless (fastest port) / jose"));
});

test("the store group runs on memory and SQLite with a tiny count and reports PostgreSQL as not available without a URL", async () => {
  const workDir = mkdtempSync(join(tmpdir(), "tessera-bench-smoke-"));
  try {
    const result = await runGroup("store", { measure: tiny, pgUrl: null, pgUrlLarge: null, workDir, growthSizes: [1, 2] });
    assertWellFormed(result, "store");
    assert.ok(result.figures.some((f) => f.name === "rotate refresh @ memory"));
    assert.ok(result.figures.some((f) => f.name === "rotate refresh @ sqlite"), JSON.stringify(result.unavailable));
    assert.ok(result.unavailable.some((u) => u.name === "store postgres"), "PostgreSQL is reported missing, not dropped");
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});

test("the growth group seeds and measures memory and SQLite at two tiny sizes, with a ratio for each", async () => {
  const workDir = mkdtempSync(join(tmpdir(), "tessera-bench-smoke-"));
  try {
    const result = await runGroup("growth", { measure: tiny, pgUrl: null, pgUrlLarge: null, workDir, growthSizes: [2, 5] });
    assertWellFormed(result, "growth");
    for (const store of ["memory", "sqlite"]) {
      assert.ok(result.ratios.some((r) => r.name.startsWith("growth rotate @ " + store)), `${store}: ${JSON.stringify(result.unavailable)}`);
      assert.ok(result.ratios.some((r) => r.name.startsWith("growth verify @ " + store)));
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});

const emptyResults = (git: GitState): BenchResults => ({
  schema: 1,
  startedAt: "2026-01-01T00:00:00.000Z",
  durationSeconds: 0,
  command: "npm run bench",
  options: {},
  machine: { cpus: 2, cpuModel: "test", memoryBytes: 1, platform: "test", loadStart: 0, loadEnd: 0 },
  git,
  runtimes: {},
  durability: "test",
  groups: [],
  http: [],
  httpGrowth: [],
  growthRatios: [],
  memory: [],
  unavailable: [],
  targets: [],
});

test("the report names the uncommitted changes a run measured, and says when the tree changed during it", () => {
  const clean = formatReport(emptyResults({ commit: "a".repeat(40), changes: [] }));
  assert.match(clean, /commit aaaaaaaaaaaa\n/);
  const dirty = formatReport(
    emptyResults({ commit: "a".repeat(40), changes: [" M src/x.ts"], changedDuringRun: { commit: "b".repeat(40), changes: [] } }),
  );
  assert.match(dirty, /commit aaaaaaaaaaaa \(uncommitted: M src\/x\.ts\); the tree changed during the run, at its end: commit bbbbbbbbbbbb, clean\n/);
});

test("the report names every target and marks the ones this run did not measure", () => {
  const targets = evaluateTargets({ groups: [], http: [], growthRatios: [] });
  assert.ok(targets.length >= 10);
  assert.ok(targets.every((t) => t.met === null && t.measured === null));
  const text = formatReport({ ...emptyResults({ commit: "0".repeat(40), changes: [] }), unavailable: [{ name: "http", why: "left out" }], targets });
  assert.match(text, /NOT AVAILABLE/);
  assert.match(text, /NOT MEASURED/);
});

test("wrk's report line is read into req/s, percentiles in ms and an error count", () => {
  const run = parseWrkReport(
    'noise\n@@wrk {"requests":2000,"durationUs":2000000,"p50Us":250,"p99Us":1500,"connectErrors":0,"readErrors":1,"writeErrors":0,"statusErrors":3,"timeouts":1}\n',
  );
  assert.deepEqual(run, { requestsPerSec: 1000, p50Ms: 0.25, p99Ms: 1.5, errors: 5, requests: 2000 });
  assert.throws(() => parseWrkReport("Requests/sec: 1000"), /no report/);
});

test("--quick leaves growth and the memory run out and says so, unless asked for", () => {
  const quick = parseBenchArgs(["--quick"], {});
  assert.deepEqual([...quick.sections].sort(), ["http", "store", "verify"]);
  assert.deepEqual(quick.skipped.map((s) => s.section).sort(), ["growth", "memory"]);
  assert.ok(parseBenchArgs(["--quick", "--growth"], {}).sections.has("growth"));
  assert.equal(parseBenchArgs([], { TEST_PG_URL: "postgres://x/y" }).pgUrl, "postgres://x/y");
  assert.throws(() => parseBenchArgs(["--fast"], {}), /unknown argument/);
});
