import { join } from "node:path";
import { median } from "../harness/statistics.ts";
import type { RuntimeName } from "../runtime.ts";
import { createTokenPool, type HttpFigure, type HttpOptions, httpScenarios, refreshChainsFor, runScenario, toHttpFigure } from "./http-group.ts";
import { type ServerConfig, serverCrypto } from "./server-config.ts";
import { type RunningServer, startServer } from "./start-server.ts";
import type { WrkRun } from "./run-wrk.ts";

/** Server memory, read from /proc by the driver. */
export interface MemoryFigure {
  readonly runtime: RuntimeName;
  readonly what: string;
  readonly rssBytes: number | null;
  /** Of {@link MemoryFigure.rssBytes}, what maps files (the memory-mapped database, the WAL index): not heap. */
  readonly fileBackedBytes: number | null;
}

const memoryOf = (server: RunningServer | undefined) => ({ rssBytes: server?.rss() ?? null, fileBackedBytes: server?.fileBackedRss() ?? null });

/** HTTP growth figures, growth ratios and memory figures. */
export interface HttpGrowthResult {
  readonly figures: readonly HttpFigure[];
  readonly ratios: readonly { readonly name: string; readonly value: number }[];
  readonly memory: readonly MemoryFigure[];
}

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * `GET /users/me` (session binding) and chained refresh against two servers
 * on one runtime, one seeded with few sessions and one with many, in
 * interleaved rounds; then the big server's RSS, a run of `memorySeconds` of
 * chained refresh on it, and its RSS again. Servers are killed afterwards.
 *
 * @example
 * const result = await runHttpGrowth("bun", options, [1000, 1_000_000], 60);
 */
export async function runHttpGrowth(runtime: RuntimeName, options: HttpOptions, sizes: readonly [number, number], memorySeconds: number | null): Promise<HttpGrowthResult> {
  const base: ServerConfig = {
    kind: "tessera",
    store: "sqlite",
    binding: "session",
    crypto: serverCrypto(runtime, options.bunCrypto),
    seedSessions: 0,
    // The measured rounds, one warm-up, and the memory run.
    refreshChains: refreshChainsFor(options.rounds + 2, options),
    workDir: options.workDir,
  };
  const scenarios = httpScenarios.filter((s) => s.name.includes("session binding") || s.refresh === true);
  const servers: RunningServer[] = [];
  const memory: MemoryFigure[] = [];
  try {
    // Each file is seeded by a process of its own that then exits (allow ten minutes for a million rows),
    // so that the server's RSS is that of a server opening a big database, not what the bulk load left behind.
    const files = sizes.map((size) => join(options.workDir, `growth-${runtime}-${size}.db`));
    await Promise.all(sizes.map(async (size, i) => (await startServer(runtime, { ...base, kind: "seed", seedSessions: size, sqlitePath: files[i] as string }, 600_000)).stop()));
    const started = await Promise.allSettled(files.map((sqlitePath) => startServer(runtime, { ...base, sqlitePath }, 60_000)));
    for (const result of started) if (result.status === "fulfilled") servers.push(result.value);
    const failure = started.find((s) => s.status === "rejected");
    if (failure !== undefined) throw failure.reason;
    for (const [i, size] of sizes.entries()) memory.push({ runtime, what: `server RSS, ready with ${label(size)} sessions stored (SQLite)`, ...memoryOf(servers[i]) });
    const pools = servers.map((server, i) => createTokenPool(server, options, `${runtime}-growth-${i}`));
    for (const scenario of scenarios) for (const [i, server] of servers.entries()) await runScenario(scenario, server, options, options.warmupSeconds, pools[i] as () => string);
    const runs = new Map<string, WrkRun[]>();
    for (let round = 0; round < options.rounds; round++) {
      for (const scenario of scenarios) {
        for (const [i, server] of servers.entries()) {
          const key = `${scenario.name} @ ${label(sizes[i] as number)} sessions`;
          runs.set(key, [...(runs.get(key) ?? []), await runScenario(scenario, server, options, options.seconds, pools[i] as () => string)]);
        }
      }
    }
    const figures = [...runs].map(([name, list]) => toHttpFigure(runtime, name, list, null));
    const ratios = scenarios.map((scenario) => {
      const small = runs.get(`${scenario.name} @ ${label(sizes[0])} sessions`) as WrkRun[];
      const large = runs.get(`${scenario.name} @ ${label(sizes[1])} sessions`) as WrkRun[];
      return { name: `HTTP growth ${scenario.name} (${label(sizes[0])} / ${label(sizes[1])})`, value: median(small.map((r, i) => r.requestsPerSec / (large[i]?.requestsPerSec ?? Number.NaN))) };
    });
    const big = servers[1] as RunningServer;
    if (memorySeconds !== null) {
      const refresh = scenarios.find((s) => s.refresh === true);
      if (refresh === undefined) throw new Error("no refresh scenario");
      const run = await runScenario(refresh, big, options, memorySeconds, pools[1] as () => string);
      figures.push({ ...toHttpFigure(runtime, `${refresh.name}, ${memorySeconds} s run @ ${label(sizes[1])} sessions`, [run], null) });
      memory.push({ runtime, what: `server RSS after a ${memorySeconds} s chained-refresh run (${label(sizes[1])} sessions stored)`, ...memoryOf(big) });
    }
    // For comparison, what a million sessions cost held in the memory store (no load run).
    const what = `server RSS, ready with ${label(sizes[1])} sessions in the memory store`;
    try {
      const inMemory = await startServer(runtime, { ...base, store: "memory", seedSessions: sizes[1], refreshChains: 0 }, 600_000);
      memory.push({ runtime, what, ...memoryOf(inMemory) });
      await inMemory.stop();
    } catch (error) {
      memory.push({ runtime, what: `${what} (NOT AVAILABLE: ${error instanceof Error ? error.message.split("\n")[0] : String(error)})`, rssBytes: null, fileBackedBytes: null });
    }
    return { figures, ratios, memory };
  } finally {
    for (const server of servers) await server.stop();
  }
}
