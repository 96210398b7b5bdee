// `npm run bench [-- --quick ...]`: runs the in-process groups on each runtime
// in child processes, the HTTP groups with wrk against servers it spawns on
// 127.0.0.1, prints one report and writes results/latest.json. See bench-args.ts.
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchArgs, parseBenchArgs, usage } from "./bench-args.ts";
import { type benchDatabases, dropBenchDatabase, recreateBenchDatabase } from "./bench-database.ts";
import type { GroupOptions } from "./groups/group-options.ts";
import type { GroupResult, Unavailable } from "./groups/group-result.ts";
import type { GroupName } from "./groups/run-group.ts";
import type { MeasureOptions } from "./harness/measure.ts";
import { type HttpFigure, type HttpOptions, runHttpGroup } from "./http/http-group.ts";
import { type MemoryFigure, runHttpGrowth } from "./http/http-growth.ts";
import { hasWrk, wrkInstallHint } from "./http/run-wrk.ts";
import type { BenchResults, GitState } from "./report/bench-results.ts";
import { evaluateTargets } from "./report/evaluate-targets.ts";
import { formatReport } from "./report/format-report.ts";
import { isGroupResult, runChild } from "./run-child.ts";
import type { RuntimeName } from "./runtime.ts";
import { repositoryRoot, runtimeCommand } from "./runtime-command.ts";

const resultsFile = fileURLToPath(new URL("../results/latest.json", import.meta.url));

const measureFor = (quick: boolean): MeasureOptions => (quick ? { warmupMs: 100, samples: 5, sampleMs: 40 } : { warmupMs: 500, samples: 11, sampleMs: 200 });

function httpFor(args: BenchArgs, workDir: string, bunCrypto: HttpOptions["bunCrypto"]): HttpOptions {
  // One wrk thread and one server thread: the machine has two cores to share.
  const load = { threads: 1, connections: 32, workDir, bunCrypto };
  // --quick: two rounds of 1 s runs keep the whole run near a minute (three took about 90 s).
  return args.quick ? { ...load, seconds: 1, warmupSeconds: 1, warmEveryScenario: false, rounds: 2 } : { ...load, seconds: 5, warmupSeconds: 2, warmEveryScenario: true, rounds: 5 };
}

function runtimeVersion(runtime: RuntimeName): string {
  const [command] = runtimeCommand(runtime, "", []);
  try {
    return execSync(`${command} --version`, { encoding: "utf8" }).split("\n")[0]?.trim() ?? "unknown";
  } catch {
    return "not installed";
  }
}

function gitState(): GitState {
  try {
    const commit = execSync("git rev-parse HEAD", { cwd: repositoryRoot, encoding: "utf8" }).trim();
    const changes = execSync("git status --porcelain", { cwd: repositoryRoot, encoding: "utf8" }).split("\n").filter((line) => line.trim() !== "");
    return { commit, changes };
  } catch {
    return { commit: "unknown", changes: [] };
  }
}

// The tree as the run found it, and what changed while it ran: each group's child process loads the code when it
// starts, so an edit made during a run can reach the later groups.
function gitStateOfRun(atStart: GitState): GitState {
  const atEnd = gitState();
  const same = atEnd.commit === atStart.commit && atEnd.changes.join("\n") === atStart.changes.join("\n");
  return same ? atStart : { ...atStart, changedDuringRun: { commit: atEnd.commit, changes: atEnd.changes } };
}

async function main(args: BenchArgs): Promise<number> {
  const started = Date.now();
  const loadStart = loadavg()[0] ?? 0;
  const gitAtStart = gitState();
  const workDir = mkdtempSync(join(tmpdir(), "tessera-bench-"));
  const measure = measureFor(args.quick);
  const groups: GroupResult[] = [];
  const unavailable: Unavailable[] = args.skipped.map((s) => ({ name: s.section, why: s.why }));
  let failed = false;
  const log = (text: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);

  const pgReady = async (name: (typeof benchDatabases)[number]): Promise<string | null> => {
    if (args.pgUrl === null) return null;
    try {
      return await recreateBenchDatabase(args.pgUrl, name);
    } catch (error) {
      unavailable.push({ name: "postgres", why: `could not create the bench database: ${error instanceof Error ? error.message : String(error)}` });
      return null;
    }
  };
  const child = async (runtime: RuntimeName, group: GroupName, pg: boolean) => {
    log(`-- ${group} on ${runtime}`);
    const options: GroupOptions = {
      measure,
      pgUrl: pg ? await pgReady("tessera_bench") : null,
      pgUrlLarge: pg && group === "growth" ? await pgReady("tessera_bench_large") : null,
      workDir,
      growthSizes: args.growthSizes,
    };
    const result = await runChild(runtime, group, options);
    if (isGroupResult(result)) groups.push(result);
    else {
      failed = true;
      unavailable.push({ name: `${group} on ${runtime}`, why: result.why });
    }
  };

  try {
    if (args.sections.has("verify")) for (const runtime of args.runtimes) await child(runtime, "verify", false);
    if (args.sections.has("store")) for (const runtime of args.storeRuntimes) await child(runtime, "store", true);
    if (args.sections.has("growth")) await child(args.runtimes.includes("bun") ? "bun" : (args.runtimes[0] as RuntimeName), "growth", true);

    // The servers use the native port that verified faster on Bun in this run.
    const bunRatio = groups.find((g) => g.group === "verify" && g.runtime.name === "bun")?.ratios.find((r) => r.name.startsWith("Bun.CryptoHasher"))?.value;
    const bunCrypto = bunRatio !== undefined && bunRatio > 1 ? "Bun.CryptoHasher" : "node:crypto";
    const http = httpFor(args, workDir, bunCrypto);
    const httpFigures: HttpFigure[] = [];
    const httpGrowth: HttpFigure[] = [];
    const growthRatios = groups.filter((g) => g.group === "growth").flatMap((g) => g.ratios.map((r) => ({ name: r.name, value: r.value })));
    const memory: MemoryFigure[] = [];
    if (args.sections.has("http")) {
      for (const runtime of args.runtimes) {
        log(`-- http on ${runtime}`);
        try {
          httpFigures.push(...(await runHttpGroup(runtime, http)));
        } catch (error) {
          failed = true;
          unavailable.push({ name: `http on ${runtime}`, why: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    if (args.sections.has("growth") || args.sections.has("memory")) {
      const runtime: RuntimeName = args.runtimes.includes("bun") ? "bun" : (args.runtimes[0] as RuntimeName);
      log(`-- http growth and memory on ${runtime} (seeding ${args.growthSizes[1].toLocaleString("en-US")} sessions)`);
      try {
        const result = await runHttpGrowth(runtime, http, args.growthSizes, args.sections.has("memory") ? args.memorySeconds : null);
        httpGrowth.push(...result.figures);
        if (args.sections.has("growth")) growthRatios.push(...result.ratios);
        memory.push(...result.memory);
      } catch (error) {
        failed = true;
        unavailable.push({ name: `http growth on ${runtime}`, why: error instanceof Error ? error.message : String(error) });
      }
    }
    for (const group of groups) unavailable.push(...group.unavailable.map((u) => ({ name: `${u.name} (${group.group} on ${group.runtime.name})`, why: u.why })));

    const results: BenchResults = {
      schema: 1,
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
      options: { quick: args.quick, sections: [...args.sections], runtimes: args.runtimes, storeRuntimes: args.storeRuntimes, growthSizes: args.growthSizes, memorySeconds: args.memorySeconds, postgres: args.pgUrl !== null, measure, http: { ...http, workDir: undefined } },
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", memoryBytes: totalmem(), platform: `${platform()} ${release()}`, loadStart, loadEnd: loadavg()[0] ?? 0 },
      git: gitStateOfRun(gitAtStart),
      runtimes: Object.fromEntries(args.runtimes.map((r) => [r, runtimeVersion(r)])),
      durability: `SQLite figures: WAL with synchronous=NORMAL unless marked "sqlite FULL" (synchronous=FULL); on Bun, WAL checkpoints run on a worker thread, as in the reference server; HTTP servers: SQLite WAL, synchronous=NORMAL, crypto on Bun: ${bunCrypto}`,
      groups,
      http: httpFigures,
      httpGrowth,
      growthRatios,
      memory,
      unavailable,
      targets: evaluateTargets({ groups, http: httpFigures, growthRatios }),
    };
    mkdirSync(join(resultsFile, ".."), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${formatReport(results)}\n\nwrote ${resultsFile} in ${results.durationSeconds} s\n`);
    return failed ? 1 : 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    if (args.pgUrl !== null) await dropBenchDatabase(args.pgUrl);
  }
}

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2), process.env);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
  process.exit(2);
}
if ((args.sections.has("http") || args.sections.has("growth") || args.sections.has("memory")) && !hasWrk()) {
  process.stderr.write(`${wrkInstallHint}\n`);
  process.exit(1);
}
process.exit(await main(args));
