import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import ts from "typescript";
import { checkDirectory, findPurityViolations } from "../../scripts/core-purity.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const coreSrc = `${root}packages/core/src`;

test("packages/core/src uses no runtime global and imports no runtime module", () => {
  const violations = checkDirectory(coreSrc);
  assert.deepEqual(violations, [], violations.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.text}`).join("\n"));
});

test("the purity lint catches each forbidden global, Math.random and runtime imports", () => {
  const source = [
    'import { readFileSync } from "node:fs";',
    'import { Database } from "bun:sqlite";',
    'import path from "path";',
    "const a = Date.now();",
    "const b = Math.random();",
    "const c = (globalThis as any).crypto;",
    "setTimeout(() => {}, 1);",
    "process.exit(1);",
    "console.log(Bun, Deno);",
    'const d = await import("node:crypto");',
    "const e = new Date();",
  ].join("\n");
  const rules = findPurityViolations("fixture.ts", source).map((v) => v.rule);
  for (const expected of [
    'runtime module "node:fs"',
    'runtime module "bun:sqlite"',
    'runtime module "path"',
    "runtime global Date",
    "Math.random (inject a Random)",
    "runtime global globalThis",
    "runtime global setTimeout",
    "runtime global process",
    "runtime global console",
    "runtime global Bun",
    "runtime global Deno",
    "dynamic import of a runtime module",
  ]) {
    assert.ok(rules.includes(expected), `expected the lint to report ${expected}; it reported ${JSON.stringify(rules)}`);
  }
});

test("the purity lint accepts injected ports named like globals and property names", () => {
  const source = [
    "export function sign(crypto: { sha256(x: Uint8Array): Uint8Array }, x: Uint8Array) { return crypto.sha256(x); }",
    "const ctx = { clock: { now: () => 1 }, crypto: 1 };",
    "export const t = ctx.clock.now() + ctx.crypto;",
    "type T = { Date: number; process: string };",
  ].join("\n");
  assert.deepEqual(findPurityViolations("fixture.ts", source), []);
});

test("the core's compiler options make runtime globals a type error", () => {
  const config = JSON.parse(readFileSync(`${root}packages/core/tsconfig.json`, "utf8")) as { compilerOptions: { lib: string[]; types: string[] } };
  assert.deepEqual(config.compilerOptions.types, []);
  const fixture = "export const x = [crypto.randomUUID(), process.env.X, setTimeout, console, fetch, Bun, Deno];";
  const host = ts.createCompilerHost({});
  const readFile = host.readFile;
  host.readFile = (name) => (name === "/fixture.ts" ? fixture : readFile(name));
  const exists = host.fileExists;
  host.fileExists = (name) => name === "/fixture.ts" || exists(name);
  const program = ts.createProgram(["/fixture.ts"], { lib: config.compilerOptions.lib.map((l) => `lib.${l.toLowerCase()}.d.ts`), types: [], noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }, host);
  const missing = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    .filter((m) => m.startsWith("Cannot find name"));
  for (const name of ["crypto", "process", "setTimeout", "console", "fetch", "Bun", "Deno"]) {
    assert.ok(missing.some((m) => m.includes(`'${name}'`)), `expected '${name}' to be undeclared for the core; diagnostics: ${missing.join("; ")}`);
  }
});
