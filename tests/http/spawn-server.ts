import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bun = join(root, "node_modules", ".bin", "bun");
const serverMain = join(root, "packages", "bun", "src", "server", "main.ts");
const cliShim = join(root, "packages", "bun", "bin", "tessera.js");

/** A reference server process and what it printed. */
export interface SpawnedServer {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process printed so far (banner, then one JSON line per request when the request log is on). */
  readonly output: () => string;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM, a graceful stop) unless the process is gone already, and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Where and how to start the server, beyond its environment. */
export interface SpawnOptions {
  /** The working directory of the process; default: this one's. */
  readonly cwd?: string;
}

/** A fresh data directory; the server and the CLI find the database and secret there. */
export function tempDataDir(prefix = "tessera-server-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dataDirs.add(dir);
  return dir;
}

// Data directories outlive the servers in them (tests read the database file after a stop), so they are removed
// when the test process exits; each run used to leave a database, its WAL and a secret in the temp directory.
// `deno test` never emits node:process's "exit" (checked: 23 client-test directories were left per Deno run), but it
// dispatches "unload" on globalThis; Bun and Node emit "exit".
const dataDirs = new Set<string>();
const removeDataDirs = () => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  dataDirs.clear();
};
process.once("exit", removeDataDirs);
const scope = globalThis as { addEventListener?: (type: "unload", listener: () => void) => void };
if (typeof scope.addEventListener === "function") scope.addEventListener("unload", removeDataDirs);

/** The environment for a server or CLI on a data directory (127.0.0.1, a free port); `extra` adds or overrides. */
export function serverEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env["PATH"] ?? "", HOME: dir, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `sqlite:${join(dir, "tessera.db")}`, ...extra };
}

/**
 * Starts `bun packages/bun/src/server/main.ts` with exactly `env` and resolves once its start-up banner names the URL
 * it listens on. Rejects with what it printed if it exits first.
 *
 * @example
 * const server = await spawnServer(serverEnv(tempDataDir(), { ADMIN_PASSWORD: "admin-password" }));
 * try { await fetch(`${server.url}/server/health`); } finally { await server.stop(); }
 */
export function spawnServer(env: Readonly<Record<string, string>>, options: SpawnOptions = {}): Promise<SpawnedServer> {
  const child = spawn(bun, [serverMain], { env, stdio: ["ignore", "pipe", "pipe"], ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // "Log in:" is the last line of the start-up banner.
      const match = /listening on (http:\/\/\S+)[\s\S]*Log in:.*\n/.exec(output);
      if (match !== null) resolve({ child, url: match[1] as string, output: () => output, exited, stop });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}

/** Runs the CLI shim (`npx tessera`) to completion. */
export function runCli(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath.includes("bun") || process.execPath.includes("deno") ? "node" : process.execPath, [cliShim, ...args], { env, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Spawns a process and collects its output and exit code. */
export function runServerToExit(env: Record<string, string>): { code: number | null; stderr: string } {
  const result = spawnSync(bun, [serverMain], { env, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stderr: result.stderr + result.stdout };
}
