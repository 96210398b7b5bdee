import { type SpawnedServer, serverEnv, spawnServer, tempDataDir } from "../../http/spawn-server.ts";

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
  /** `TESSERA_STATIC_DIR`: a directory the server serves beside the API (the built example page). */
  readonly staticDir?: string;
}

/**
 * Starts the reference server (`npm start`'s `packages/bun/src/server/main.ts`)
 * on 127.0.0.1, a free port and a fresh SQLite database in a temporary
 * directory, and resolves once its banner is printed. `stop` sends SIGTERM,
 * waits for the exit; the directory is removed when the test process exits
 * (`tempDataDir`).
 */
export async function startServer(settings: ServerSettings = {}): Promise<ServerUnderTest> {
  const email = "ada@example.com";
  const password = "correct horse battery staple";
  const dir = tempDataDir("tessera-client-test-");
  const env = serverEnv(dir, {
    ACCESS_TOKEN_TTL: settings.accessTtl ?? "15m",
    TESSERA_REUSE_GRACE: settings.reuseGrace ?? "10s",
    ADMIN_EMAIL: email,
    ADMIN_PASSWORD: password,
    TESSERA_REQUEST_LOG: "true",
  });
  if (settings.staticDir !== undefined) env["TESSERA_STATIC_DIR"] = settings.staticDir;
  const server: SpawnedServer = await spawnServer(env, { cwd: dir });
  return {
    url: server.url,
    email,
    password,
    output: server.output,
    count: (method, path) => countLoggedRequests(server.output(), method, path),
    async stop() {
      await server.stop();
    },
  };
}

/** How many of the server's JSON request-log lines in `printed` are for `method` and `path`. */
function countLoggedRequests(printed: string, method: string, path: string): number {
  let n = 0;
  for (const line of printed.split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { msg?: string; method?: string; path?: string };
    if (entry.msg === "request" && entry.method === method && entry.path === path) n++;
  }
  return n;
}
