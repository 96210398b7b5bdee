import { existsSync, statSync } from "node:fs";
import { ConfigError } from "@tessera/core";
import { createFetchHandler } from "@tessera/fetch";
import { serve } from "../serve.ts";
import { bootstrapAdmin, type Bootstrap } from "./bootstrap-admin.ts";
import { openTessera } from "./open-tessera.ts";
import { type LogSink, withRequestLog } from "./request-log.ts";
import { staticFiles } from "./static-files.ts";
import { withForwardedAddress } from "./forwarded-address.ts";
import type { ServerConfig } from "./server-config.ts";

/** A running reference server. */
export interface RunningServer {
  readonly url: URL;
  readonly bootstrap: Bootstrap;
  /** Graceful stop: stop accepting, let in-flight requests finish, close the database. */
  stop(): Promise<void>;
}

const pruneIntervalMs = 60 * 60_000;

/**
 * Starts Tessera on Bun: database and migrations, keys, first admin, HTTP.
 * Timers reload the signing keys (a CLI rotation takes effect without a
 * restart) and prune dead sessions.
 */
export async function startServer(config: ServerConfig, log: LogSink): Promise<RunningServer> {
  // Checked here rather than with the other settings: the CLI reads the same settings and serves no files.
  if (config.staticDir !== null && !(existsSync(config.staticDir) && statSync(config.staticDir).isDirectory())) {
    throw new ConfigError("TESSERA_STATIC_DIR", `TESSERA_STATIC_DIR=${JSON.stringify(config.staticDir)} is not a directory`);
  }
  // A server runs for long: WAL checkpoints go to a thread of their own (SQLite files; see openStore).
  const opened = await openTessera(config, { backgroundCheckpoints: true });
  const { tessera, store, keys } = opened;
  let server: ReturnType<typeof serve> | undefined;
  const timers: ReturnType<typeof setInterval>[] = [];
  try {
    const bootstrap = await bootstrapAdmin(tessera, config.adminEmail, config.adminPassword);
    const onError = (error: unknown) => log(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "unexpected fault", error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
    const handler = createFetchHandler(tessera, {
      maxBodyBytes: config.maxBodyBytes,
      refreshCookie: config.refreshCookie,
      sessionCookie: config.sessionCookie,
      ...(config.cors === null ? {} : { cors: config.cors }),
      ping: () => store.ping(),
      onError,
      ...(config.staticDir === null ? {} : { notFound: staticFiles(config.staticDir) }),
    });
    const logged = config.requestLog ? withRequestLog(handler, log) : handler;
    // Outermost, so that the request log records the client behind the proxy, as login does.
    server = serve(config.trustProxy ? withForwardedAddress(logged) : logged, { port: config.port, hostname: config.host });
    const background = (task: () => Promise<unknown>) => () => void task().catch(onError);
    timers.push(setInterval(background(() => keys.reload()), config.keyReloadMs));
    timers.push(setInterval(background(() => store.prune(Date.now())), pruneIntervalMs));
    for (const timer of timers) timer.unref();
    const running = server;
    return {
      url: running.url,
      bootstrap,
      async stop() {
        for (const timer of timers) clearInterval(timer);
        await running.stop(false);
        await opened.close();
      },
    };
  } catch (error) {
    for (const timer of timers) clearInterval(timer);
    await server?.stop(true);
    await opened.close();
    throw error;
  }
}
