import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The reference server in a child process, and the admin it was started with. */
export interface ServerUnderTest {
  readonly url: string;
  readonly email: string;
  readonly password: string;
  /** Everything the server printed (banner and one JSON line per request), for a failing test's message. */
  output(): string;
  /** How many requests the server itself logged for a method and path, e.g. `count("POST", "/auth/refresh")`. */
  count(method: string, path: string): number;
  stop(): Promise<void>;
}

/** What a test wants of its server; each becomes one of the reference server's environment variables. */
export interface ServerSettings {
  /** `ACCESS_TOKEN_TTL`; default "15m". */
  readonly accessTtl?: string;
  /** `TESSERA_REUSE_GRACE`; default "10s". "0s" makes any second use of a refresh token a reuse. */
  readonly reuseGrace?: string;
  /** `CORS_ORIGIN` with credentials, for a page served from another origin. */
  readonly corsOrigin?: string;
  /** `TESSERA_STATIC_DIR`: a directory the server serves beside the API (the built example page). */
  readonly staticDir?: string;
}

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bun = join(root, "node_modules", ".bin", "bun");
const serverMain = join(root, "packages", "bun", "src", "server", "main.ts");

/**
 * Starts the reference server (`npm start`'s `packages/bun/src/server/main.ts`)
 * on 127.0.0.1, a free port and a fresh SQLite database in a temporary
 * directory, and resolves once its banner is printed. `stop` sends SIGTERM,
 * waits for the exit and removes the directory.
 */
export function startServer(settings: ServerSettings = {}): Promise<ServerUnderTest> {
  const email = "ada@example.com";
  const password = "correct horse battery staple";
  const dir = mkdtempSync(join(tmpdir(), "tessera-client-test-"));
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "",
    HOME: dir,
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `sqlite:${join(dir, "tessera.db")}`,
    ACCESS_TOKEN_TTL: settings.accessTtl ?? "15m",
    TESSERA_REUSE_GRACE: settings.reuseGrace ?? "10s",
    ADMIN_EMAIL: email,
    ADMIN_PASSWORD: password,
    TESSERA_REQUEST_LOG: "true",
  };
  if (settings.staticDir !== undefined) env["TESSERA_STATIC_DIR"] = settings.staticDir;
  if (settings.corsOrigin !== undefined) Object.assign(env, { CORS_ENABLED: "true", CORS_ORIGIN: settings.corsOrigin, CORS_CREDENTIALS: "true" });
  const child = spawn(bun, [serverMain], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    let started = false;
    const onData = (chunk: Buffer) => {
      printed += chunk.toString();
      // "Log in:" ends the start-up banner.
      const url = /listening on (http:\/\/\S+)[\s\S]*Log in:.*\n/.exec(printed)?.[1];
      if (url === undefined || started) return;
      started = true;
      resolve({
        url,
        email,
        password,
        output: () => printed,
        count(method, path) {
          let n = 0;
          for (const line of printed.split("\n")) {
            if (!line.startsWith("{")) continue;
            const entry = JSON.parse(line) as { msg?: string; method?: string; path?: string };
            if (entry.msg === "request" && entry.method === method && entry.path === path) n++;
          }
          return n;
        },
        async stop() {
          child.kill("SIGTERM");
          await exited;
          cleanUp();
        },
      });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(() => {
      if (started) return;
      cleanUp();
      reject(new Error(`the reference server exited before listening:\n${printed}`));
    });
  });
}
