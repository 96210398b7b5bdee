#!/usr/bin/env node
// `npm test`: type-check and build, then run every test file on Bun, Deno and
// Node, print each runtime's own counts, and end with one line that sums them:
// "N passed, M failed, K skipped". Exits non-zero on any failure.
//
// Test files are `*.test.ts` anywhere outside node_modules. A file named
// `*.bun.test.ts`, `*.deno.test.ts` or `*.node.test.ts` runs on that runtime
// only. Tests use `node:test` (`test`, `test.skip`) and `node:assert`, which all
// three runtimes implement; `describe` is not used, so that every runtime
// counts the same leaves.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => join(root, "node_modules", ".bin", name);
const args = process.argv.slice(2);
const only = new Set(args.filter((a) => ["bun", "deno", "node"].includes(a)));
const filters = args.filter((a) => !["bun", "deno", "node", "--no-build"].includes(a));
const skipBuild = args.includes("--no-build");

function findTests(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findTests(path, found);
    else if (entry.name.endsWith(".test.ts")) found.push("./" + relative(root, path));
  }
  return found.sort();
}

const runtimeOf = (file) => (/\.(bun|deno|node)\.test\.ts$/.exec(file)?.[1] ?? null);
const all = findTests(root).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const filesFor = (runtime) => all.filter((f) => runtimeOf(f) === null || runtimeOf(f) === runtime);

function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const onData = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on("data", onData(process.stdout));
    child.stderr.on("data", onData(process.stderr));
    child.on("close", (code, signal) => resolve({ code: code ?? 1, signal, output: output.replace(/\x1b\[[0-9;]*m/g, "") }));
  });
}

const number = (text, pattern) => Number(pattern.exec(text)?.[1] ?? NaN);

const runtimes = {
  bun: {
    command: bin("bun"),
    args: (files) => ["test", "--timeout", "120000", ...files],
    parse: (out) => ({ passed: number(out, /^\s*(\d+) pass$/m), failed: number(out, /^\s*(\d+) fail$/m), skipped: number(out, /^\s*(\d+) skip$/m) || 0 }),
  },
  deno: {
    command: bin("deno"),
    args: (files) => ["test", "-A", "--no-check", ...files],
    parse: (out) => {
      const line = /(?:ok|FAILED) \| (\d+) passed( \(\d+ steps?\))? \| (\d+) failed( \(\d+ steps?\))?(?: \| (\d+) ignored)?/.exec(out);
      if (line === null) return { passed: NaN, failed: NaN, skipped: 0 };
      if (line[2] || line[4]) throw new Error("deno reported test steps: write flat test() calls, not describe(), so that every runtime counts alike");
      return { passed: Number(line[1]), failed: Number(line[3]), skipped: Number(line[5] ?? 0) };
    },
  },
  node: {
    command: process.execPath,
    args: (files) => ["--conditions=source", "--import", "tsx", "--test", "--test-reporter=spec", "--test-timeout=120000", ...files],
    parse: (out) => ({
      passed: number(out, /^ℹ pass (\d+)$/m),
      failed: number(out, /^ℹ fail (\d+)$/m) + (number(out, /^ℹ cancelled (\d+)$/m) || 0),
      skipped: number(out, /^ℹ skipped (\d+)$/m) || 0,
    }),
  },
};

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
let broken = false;

if (!skipBuild) {
  console.log("== tsc -b (type-check and build)");
  const build = await run(bin("tsc"), ["-b"]);
  if (build.code !== 0) {
    console.log("type-check failed");
    broken = true;
    totals.failed += 1;
    lines.push("tsc: failed");
  }
  // The tests, the packages' unit tests, the scripts and the side benches are
  // not part of any package build; they are type-checked here on their own.
  for (const project of ["tsconfig.tests.json", "tsconfig.core-tests.json"]) {
    console.log(`== tsc -p ${project} (type-check the tests and scripts)`);
    const tests = await run(bin("tsc"), ["-p", project]);
    if (tests.code !== 0) {
      console.log(`type-check of ${project} failed`);
      broken = true;
      totals.failed += 1;
      lines.push(`tsc (${project}): failed`);
    }
  }
}

for (const [name, runtime] of Object.entries(runtimes)) {
  if (only.size > 0 && !only.has(name)) continue;
  const files = filesFor(name);
  if (files.length === 0) continue;
  console.log(`\n== ${name}: ${files.length} test files`);
  const result = await run(runtime.command, runtime.args(files));
  let counts;
  try {
    counts = runtime.parse(result.output);
  } catch (error) {
    console.log(String(error));
    counts = { passed: NaN, failed: NaN, skipped: 0 };
  }
  if (Number.isNaN(counts.passed) || Number.isNaN(counts.failed)) {
    lines.push(`${name}: could not read the runner's counts (exit ${result.code})`);
    broken = true;
    totals.failed += 1;
    continue;
  }
  if (result.code !== 0 && counts.failed === 0) {
    lines.push(`${name}: runner exited ${result.code}${result.signal ? ` (${result.signal})` : ""} with no failed test reported`);
    broken = true;
    totals.failed += 1;
  }
  lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

console.log("\n== summary");
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || broken ? 1 : 0);
