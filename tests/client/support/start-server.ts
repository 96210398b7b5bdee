import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A server under test in a child process, and the user it was started with. */
export interface ServerUnderTest {
  readonly url: string;
  readonly email: string;
  readonly password: string;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** What a test wants of its server. */
export interface ServerSettings {
  /** Access-token lifetime; default "15m". */
  readonly accessTtl?: string;
  /** Retry grace for a rotated refresh token; default "10s". "0s" makes any second use of a refresh token a reuse. */
  readonly reuseGrace?: string;
  /** A directory whose files the server also serves (the browser example). */
  readonly staticDir?: string;
}

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bun = `${root}node_modules/.bin/bun`;
const script = fileURLToPath(new URL("./stand-in-server.ts", import.meta.url));

/**
 * Starts the server in a child process on 127.0.0.1 with a free port, and
 * resolves once it prints the URL it listens on.
 */
export function startServer(settings: ServerSettings = {}): Promise<ServerUnderTest> {
  const email = "ada@example.com";
  const password = "correct horse battery staple";
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    TESSERA_ACCESS_TTL: settings.accessTtl ?? "15m",
    TESSERA_REUSE_GRACE: settings.reuseGrace ?? "10s",
    TESSERA_ADMIN_EMAIL: email,
    TESSERA_ADMIN_PASSWORD: password,
  };
  if (settings.staticDir !== undefined) env["TESSERA_STATIC_DIR"] = settings.staticDir;
  const child = spawn(bun, [script], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(printed)?.[1];
      if (url === undefined) return;
      child.stdout.off("data", onData);
      child.stdout.on("data", (more: Buffer) => void (printed += more.toString()));
      resolve({
        url,
        email,
        password,
        output: () => printed,
        async stop() {
          child.kill("SIGTERM");
          await exited;
        },
      });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => void (printed += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) before listening:\n${printed}`)));
  });
}
