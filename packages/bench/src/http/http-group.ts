import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RuntimeName } from "../runtime.ts";
import { median } from "../harness/statistics.ts";
import { type ServerConfig, serverCrypto } from "./server-config.ts";
import { type RunningServer, startServer } from "./start-server.ts";
import { runWrk, type WrkRun } from "./run-wrk.ts";

/** How the HTTP figures are taken. */
export interface HttpOptions {
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Warm every scenario (full run) or only each server's first scenario (--quick, to stay near a minute). */
  readonly warmEveryScenario: boolean;
  /** wrk runs per scenario; each figure is their median, each ratio the median of per-round ratios. */
  readonly rounds: number;
  readonly threads: number;
  readonly connections: number;
  readonly workDir: string;
  /** The crypto port the Bun servers use (the faster one in the verify group). */
  readonly bunCrypto: ServerConfig["crypto"];
}

/** One scenario's figure on one runtime. */
export interface HttpFigure {
  readonly runtime: RuntimeName;
  readonly name: string;
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Requests answered with an error or lost, summed over the runs: anything above 0 is printed. */
  readonly errors: number;
  /** Median over rounds of (this scenario's req/s) / (the bare server's req/s in the same round). */
  readonly ratioToBare: number | null;
  /** The lowest and highest of those per-round ratios: how far one round can be from the median on this machine. */
  readonly ratioRange: readonly [number, number] | null;
  readonly runs: readonly WrkRun[];
  readonly sessionsStored?: number;
}

type ServerName = "bare" | "floor" | "session" | "stateless";

interface Scenario {
  readonly name: string;
  readonly server: ServerName;
  readonly path: string;
  readonly auth?: "access" | "static";
  readonly refresh?: boolean;
}

/** A synchronous hand-written HS256 check and a JSON answer, no store: what a stateless `/users/me` cannot beat. */
export const jwtFloorScenario = "hand-written JWT check, no store (floor)";

/** The scenarios, in the order they are run in each round; the first is the ceiling. */
export const httpScenarios: readonly Scenario[] = [
  { name: "bare hello-world (ceiling)", server: "bare", path: "/" },
  { name: jwtFloorScenario, server: "floor", path: "/users/me", auth: "access" },
  { name: "GET /server/ping (trivial route)", server: "session", path: "/server/ping" },
  { name: "GET /users/me, access token, session binding", server: "session", path: "/users/me", auth: "access" },
  { name: "GET /users/me, access token, stateless", server: "stateless", path: "/users/me", auth: "access" },
  { name: "GET /users/me, static token", server: "session", path: "/users/me", auth: "static" },
  { name: "POST /auth/refresh, chained", server: "session", path: "/auth/refresh", refresh: true },
];

/** How many refresh chains a server needs for `wrkRuns` chained-refresh runs: one per connection and thread of each run. */
export function refreshChainsFor(wrkRuns: number, options: HttpOptions): number {
  return wrkRuns * (options.connections + options.threads);
}

/** Hands out fresh refresh tokens, one file per wrk run, so that no token is spent twice. */
export function createTokenPool(server: RunningServer, options: HttpOptions, tag: string): () => string {
  const all = server.ready.tokensFile === null ? [] : readLines(server.ready.tokensFile);
  const perRun = refreshChainsFor(1, options);
  let next = 0;
  let file = 0;
  return () => {
    const slice = all.slice(next, next + perRun);
    if (slice.length < perRun) throw new Error(`refresh token pool of the ${tag} server is exhausted`);
    next += perRun;
    const path = join(options.workDir, `chain-${tag}-${file++}.txt`);
    writeFileSync(path, `${slice.join("\n")}\n`);
    return path;
  };
}

function readLines(path: string): string[] {
  return readFileSync(path, "utf8").split("\n").filter((line) => line !== "");
}

/** Runs one scenario once against its server. */
export function runScenario(scenario: Scenario, server: RunningServer, options: HttpOptions, seconds: number, takeTokens: () => string): Promise<WrkRun> {
  const headers: Record<string, string> = {};
  if (scenario.auth === "access") headers["Authorization"] = `Bearer ${server.ready.accessToken}`;
  if (scenario.auth === "static") headers["Authorization"] = `Bearer ${server.ready.staticToken}`;
  return runWrk({
    url: `http://127.0.0.1:${server.ready.port}${scenario.path}`,
    seconds,
    threads: options.threads,
    connections: options.connections,
    headers,
    ...(scenario.refresh === true ? { refreshTokensFile: takeTokens() } : {}),
  });
}

// Each round's req/s over `against`'s in the same round, for the rounds both have.
const roundRatios = (runs: readonly WrkRun[], against: readonly WrkRun[]): number[] =>
  runs.flatMap((run, i) => (against[i] === undefined ? [] : [run.requestsPerSec / (against[i] as WrkRun).requestsPerSec]));

/** Summarises a scenario's runs, with its ratio to the ceiling taken round by round. */
export function toHttpFigure(runtime: RuntimeName, name: string, runs: readonly WrkRun[], ceiling: readonly WrkRun[] | null): HttpFigure {
  const rates = runs.map((r) => r.requestsPerSec);
  const ratios = ceiling === null ? null : roundRatios(runs, ceiling);
  return {
    runtime,
    name,
    requestsPerSec: median(rates),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    ratioToBare: ratios === null ? null : median(ratios),
    ratioRange: ratios === null ? null : [Math.min(...ratios), Math.max(...ratios)],
    runs,
  };
}

/** Median over rounds of `of`'s req/s over `to`'s in the same round; NaN when they have no round in common. */
export function sameRoundRatio(of: HttpFigure, to: HttpFigure): number {
  const ratios = roundRatios(of.runs, to.runs);
  return ratios.length === 0 ? Number.NaN : median(ratios);
}

/**
 * The HTTP figures on one runtime: a bare server, a hand-written JWT server,
 * a session-binding server and a stateless server (both SQLite, WAL,
 * synchronous=NORMAL) run side by side; every round runs every scenario once with wrk, so each ratio to the
 * bare server compares runs taken moments apart. Servers are killed afterwards.
 *
 * @example
 * const figures = await runHttpGroup("bun", options);
 */
export async function runHttpGroup(runtime: RuntimeName, options: HttpOptions): Promise<HttpFigure[]> {
  // The measured rounds and one warm-up.
  const chainsNeeded = refreshChainsFor(options.rounds + 1, options);
  const base: ServerConfig = {
    kind: "tessera",
    store: "sqlite",
    binding: "session",
    crypto: serverCrypto(runtime, options.bunCrypto),
    seedSessions: 0,
    refreshChains: 0,
    workDir: options.workDir,
  };
  const servers = new Map<ServerName, RunningServer>();
  try {
    // Started together (startup is not measured); each is registered as soon as it is up, so that a failure still stops the others.
    const configs: [ServerName, ServerConfig][] = [
      ["bare", { ...base, kind: "bare" }],
      ["floor", { ...base, kind: "jwt-floor", store: "memory", binding: "stateless" }],
      ["session", { ...base, refreshChains: chainsNeeded }],
      ["stateless", { ...base, binding: "stateless" }],
    ];
    const started = await Promise.allSettled(configs.map(async ([name, config]) => servers.set(name, await startServer(runtime, config, 60_000))));
    const failure = started.find((s) => s.status === "rejected");
    if (failure !== undefined) throw failure.reason;
    const pool = createTokenPool(servers.get("session") as RunningServer, options, `${runtime}-session`);
    const serverOf = (scenario: Scenario) => servers.get(scenario.server) as RunningServer;
    const warmed = new Set<ServerName>();
    for (const scenario of httpScenarios) {
      if (!options.warmEveryScenario && warmed.has(scenario.server)) continue;
      warmed.add(scenario.server);
      await runScenario(scenario, serverOf(scenario), options, options.warmupSeconds, pool);
    }
    const runs = new Map<string, WrkRun[]>(httpScenarios.map((s) => [s.name, []]));
    for (let round = 0; round < options.rounds; round++) {
      for (const scenario of httpScenarios) runs.get(scenario.name)?.push(await runScenario(scenario, serverOf(scenario), options, options.seconds, pool));
    }
    const ceiling = runs.get(httpScenarios[0]?.name as string) as WrkRun[];
    return httpScenarios.map((s, i) => toHttpFigure(runtime, s.name, runs.get(s.name) as WrkRun[], i === 0 ? null : ceiling));
  } finally {
    for (const server of servers.values()) await server.stop();
  }
}
