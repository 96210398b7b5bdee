import type { GroupResult } from "../groups/group-result.ts";
import { type HttpFigure, jwtFloorScenario, sameRoundRatio } from "../http/http-group.ts";
import type { TargetStatus } from "./bench-results.ts";

interface Measured {
  readonly groups: readonly GroupResult[];
  readonly http: readonly HttpFigure[];
  readonly growthRatios: readonly { readonly name: string; readonly value: number }[];
}

const atLeast = (target: string, required: number, measured: number | undefined, unit = "x", note?: string): TargetStatus => ({
  target,
  required: `>= ${required}${unit}`,
  measured: measured ?? null,
  met: measured === undefined || Number.isNaN(measured) ? null : measured >= required,
  ...(note === undefined ? {} : { note }),
});

/**
 * Checks each target of issue 8 against this run's own figures and ratios.
 * A figure that was not measured is reported as such (met: null), never as met.
 *
 * @example
 * for (const t of evaluateTargets(results)) console.log(t.target, t.met);
 */
export function evaluateTargets(measured: Measured): TargetStatus[] {
  const ratio = (runtime: string, group: string, name: string) =>
    measured.groups.find((g) => g.group === group && g.runtime.name === runtime)?.ratios.find((r) => r.name === name)?.value;
  const figure = (runtime: string, group: string, name: string) =>
    measured.groups.find((g) => g.group === group && g.runtime.name === runtime)?.figures.find((f) => f.name === name)?.opsPerSec;
  const http = (runtime: string, name: string) => measured.http.find((f) => f.runtime === runtime && f.name === name);
  const targets: TargetStatus[] = [];
  for (const [runtime, bound] of [["bun", 10], ["node", 10], ["deno", 4]] as const) {
    targets.push(atLeast(`stateless verify vs jose on ${runtime}`, bound, ratio(runtime, "verify", "stateless (fastest port) / jose")));
  }
  for (const runtime of ["bun", "node", "deno"]) {
    targets.push(atLeast(`stateless verify vs jsonwebtoken on ${runtime}`, 2, ratio(runtime, "verify", "stateless (fastest port) / jsonwebtoken")));
  }
  // The hand-written JWT server on the same machine: what the same ratio is for a server that only checks the token.
  const floor = http("bun", jwtFloorScenario);
  const floorNote = (route: HttpFigure | undefined) =>
    floor === undefined || route === undefined || floor.ratioToBare === null
      ? undefined
      : `a hand-written JWT server: ${floor.ratioToBare.toFixed(2)} of bare; this route ${sameRoundRatio(route, floor).toFixed(2)} of it`;
  const sessionMe = http("bun", "GET /users/me, access token, session binding");
  const statelessMe = http("bun", "GET /users/me, access token, stateless");
  targets.push(atLeast("GET /users/me session binding (SQLite) / bare Bun.serve", 0.4, sessionMe?.ratioToBare ?? undefined, "x", floorNote(sessionMe)));
  targets.push(atLeast("GET /users/me stateless / bare Bun.serve", 0.5, statelessMe?.ratioToBare ?? undefined, "x", floorNote(statelessMe)));
  targets.push(atLeast("Node adapter, trivial route / bare node:http", 0.6, http("node", "GET /server/ping (trivial route)")?.ratioToBare ?? undefined));
  targets.push(
    atLeast("refresh rotation in-process, SQLite WAL (synchronous=NORMAL), Bun", 15_000, figure("bun", "store", "rotate refresh @ sqlite"), " /s", `synchronous=FULL: ${Math.round(figure("bun", "store", "rotate refresh @ sqlite FULL") ?? Number.NaN)} /s`),
  );
  targets.push(atLeast("chained POST /auth/refresh over HTTP on Bun", 8_000, http("bun", "POST /auth/refresh, chained")?.requestsPerSec, " req/s"));
  for (const growth of measured.growthRatios) {
    targets.push({ target: growth.name, required: "<= 1.5", measured: growth.value, met: Number.isNaN(growth.value) ? null : growth.value <= 1.5 });
  }
  if (measured.growthRatios.length === 0) targets.push({ target: "growth ratio, 1k vs 1M sessions", required: "<= 1.5", measured: null, met: null, note: "growth not run" });
  return targets;
}
