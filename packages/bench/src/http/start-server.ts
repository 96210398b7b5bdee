import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RuntimeName } from "../runtime.ts";
import { repositoryRoot, runtimeCommand } from "../runtime-command.ts";
import { readyMarker, type ServerConfig, type ServerReady } from "./server-config.ts";

/** A benchmark server running in its own process. */
export interface RunningServer {
  readonly ready: ServerReady;
  readonly pid: number;
  /** The server's resident set size now, in bytes, read from /proc by this process (null off Linux). */
  rss(): number | null;
  /**
   * The part of {@link RunningServer.rss} that maps files (RssFile + RssShmem): SQLite's memory-mapped database
   * and its WAL index, pages the kernel can drop and reread, not heap.
   */
  fileBackedRss(): number | null;
  /** Kills the server and waits for it to exit. */
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL("./server-main.ts", import.meta.url));

function readStatus(pid: number, fields: readonly string[]): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    let total = 0;
    for (const field of fields) {
      const kb = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status)?.[1];
      if (kb === undefined) return null;
      total += Number(kb) * 1024;
    }
    return total;
  } catch {
    return null;
  }
}

// Servers run in process groups of their own, which a Ctrl-C at the terminal does not reach: stop them with the bench.
const liveGroups = new Set<number>();
const killLiveGroups = () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Gone already.
    }
  }
};
process.once("exit", killLiveGroups);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killLiveGroups();
    process.exit(130);
  });
}

/**
 * Spawns a server on a runtime and waits for its ready line (port and tokens).
 * Rejects, with the tail of its output, if it exits or stays silent too long.
 *
 * @example
 * const server = await startServer("bun", config, 60_000);
 * // ... wrk against http://127.0.0.1:${server.ready.port}
 * await server.stop();
 */
export function startServer(runtime: RuntimeName, config: ServerConfig, timeoutMs: number): Promise<RunningServer> {
  const [command, ...args] = runtimeCommand(runtime, entry, [JSON.stringify(config)]);
  // A process group of its own, killed as a whole: `node_modules/.bin/deno` is a Node launcher, and killing the
  // launcher alone left every Deno server of a run serving (idle) until the machine restarted.
  const child = spawn(command as string, args, { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"], detached: true });
  liveGroups.add(child.pid as number);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    liveGroups.delete(child.pid as number);
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      // The group is gone already.
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${runtime} server not ready after ${timeoutMs} ms:\n${output.slice(-800)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith(readyMarker));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      // Keep draining: a server that writes later must never block on a full pipe.
      child.stdout.resume();
      const pid = child.pid as number;
      resolve({
        ready: JSON.parse(line.slice(readyMarker.length)) as ServerReady,
        pid,
        rss: () => readStatus(pid, ["VmRSS"]),
        fileBackedRss: () => readStatus(pid, ["RssFile", "RssShmem"]),
        stop,
      });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${runtime} server exited (${code ?? signal}) before it was ready:\n${output.slice(-800)}`));
    });
  });
}
