import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bun = join(root, "node_modules", ".bin", "bun");
const serverMain = join(root, "packages", "bun", "src", "server", "main.ts");

/** A reference server (`npm start`) running in a child process. */
export interface ReferenceServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  readonly output: () => string;
  /** SIGTERM (a graceful stop), resolved with the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

/**
 * Starts `bun packages/bun/src/server/main.ts` with exactly `env` and resolves
 * once its banner names the URL it listens on (PORT=0 picks a free port).
 * Rejects with what it printed if it exits first.
 */
export function startReferenceServer(env: Readonly<Record<string, string>>): Promise<ReferenceServer> {
  const child = spawn(bun, [serverMain], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    return exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // "Log in:" is the last line of the start-up banner.
      const match = /listening on (http:\/\/\S+)[\s\S]*Log in:.*\n/.exec(output);
      if (match !== null) resolve({ url: match[1] as string, child, output: () => output, stop });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    void exited.then((code) => reject(new Error(`the reference server exited with ${code} before listening:\n${output}`)));
  });
}
