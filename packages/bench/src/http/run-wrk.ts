import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What one wrk run measured. */
export interface WrkRun {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx/3xx answers plus socket errors and timeouts: any of them makes the run suspect. */
  readonly errors: number;
  readonly requests: number;
}

/** One wrk invocation. */
export interface WrkRequest {
  readonly url: string;
  readonly seconds: number;
  readonly threads: number;
  readonly connections: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A file of refresh tokens: drives chained POST /auth/refresh instead of repeating one request. */
  readonly refreshTokensFile?: string;
}

const script = fileURLToPath(new URL("./wrk-report.lua", import.meta.url));

/** The install hint printed when wrk is missing. */
export const wrkInstallHint = "wrk is not installed: the HTTP figures need an out-of-process load generator. Install it with `apt-get install wrk` (Debian/Ubuntu), or skip the HTTP group explicitly with --only=verify,store.";

/** True when `wrk` is on the PATH. */
export function hasWrk(): boolean {
  const probe = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  return probe.error === undefined && /wrk/i.test(`${probe.stdout}${probe.stderr}`);
}

/** Parses the JSON line that wrk-report.lua prints in done(). */
export function parseWrkReport(output: string): WrkRun {
  const line = /^@@wrk (\{.*\})$/m.exec(output)?.[1];
  if (line === undefined) throw new Error(`wrk printed no report:\n${output.slice(-800)}`);
  const r = JSON.parse(line) as Record<string, number>;
  const n = (key: string) => r[key] ?? 0;
  return {
    requestsPerSec: (n("requests") / n("durationUs")) * 1e6,
    p50Ms: n("p50Us") / 1000,
    p99Ms: n("p99Us") / 1000,
    errors: n("connectErrors") + n("readErrors") + n("writeErrors") + n("statusErrors") + n("timeouts"),
    requests: n("requests"),
  };
}

/**
 * Runs wrk in its own process against a server on loopback.
 *
 * @example
 * const run = await runWrk({ url: `http://127.0.0.1:${port}/`, seconds: 3, threads: 1, connections: 32 });
 */
export function runWrk(request: WrkRequest): Promise<WrkRun> {
  const args = ["-t", String(request.threads), "-c", String(request.connections), "-d", `${request.seconds}s`, "--timeout", "5s", "-s", script];
  for (const [name, value] of Object.entries(request.headers ?? {})) args.push("-H", `${name}: ${value}`);
  args.push(request.url);
  if (request.refreshTokensFile !== undefined) args.push("--", request.refreshTokensFile, String(request.threads));
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited ${code}:\n${output.slice(-800)}`));
      try {
        resolve(parseWrkReport(output));
      } catch (error) {
        reject(error);
      }
    });
  });
}
