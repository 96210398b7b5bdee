// A benchmark server process: `<runtime> server-main.ts '<ServerConfig as JSON>'`.
// It builds Tessera (or nothing, for the bare ceiling; a hand-written JWT check for its floor), listens on 127.0.0.1,
// prints one ready line with its port and tokens, and serves until killed.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createFetchHandler } from "@tessera/fetch";
import { createBenchKit } from "../fixtures/bench-kit.ts";
import { handWrittenJwtAnswer } from "../fixtures/reference-verifiers.ts";
import type { OpenedStore } from "../fixtures/bench-stores.ts";
import { benchStores, openSqliteFile } from "../fixtures/bench-stores.ts";
import { seedSessions } from "../fixtures/seed-sessions.ts";
import { createNamedPort, currentRuntime } from "../runtime.ts";
import { listen } from "./listen.ts";
import { readyMarker, type ServerConfig, type ServerReady } from "./server-config.ts";

async function openStore(config: ServerConfig): Promise<OpenedStore> {
  if (config.sqlitePath !== undefined) return openSqliteFile(config.sqlitePath);
  const { stores, unavailable } = await benchStores(config.workDir, null, `server-${process.pid}`);
  const chosen = stores.find((s) => s.name === config.store);
  if (chosen === undefined) throw new Error(`store ${config.store} not available: ${unavailable.map((u) => u.why).join("; ")}`);
  return chosen.open();
}

async function ready(config: ServerConfig): Promise<ServerReady> {
  if (config.kind === "bare") return { port: await listen({ kind: "bare" }), accessToken: "", staticToken: "", tokensFile: null, rss: process.memoryUsage().rss };
  const opened = await openStore(config);
  if (config.seedSessions > 0) await seedSessions(opened, config.seedSessions);
  if (config.kind === "seed") {
    await opened.close();
    return { port: 0, accessToken: "", staticToken: "", tokensFile: null, rss: process.memoryUsage().rss };
  }
  const kit = await createBenchKit({
    crypto: await createNamedPort(config.crypto),
    store: opened.store,
    users: opened.users,
    ...(opened.rateLimiter === undefined ? {} : { rateLimiter: opened.rateLimiter }),
    policy: { accessBinding: config.binding },
  });
  const pair = await kit.login();
  if (config.kind === "jwt-floor") {
    // The token comes from Tessera; the server that checks it is written by hand, and answers with the headers
    // Tessera's own /users/me answered with, so that both write the same response but for the body.
    const me = await createFetchHandler(kit.tessera)(new Request("http://127.0.0.1/users/me", { headers: { authorization: `Bearer ${pair.accessToken}` } }));
    if (me.status !== 200) throw new Error(`GET /users/me answered ${me.status}`);
    await opened.close();
    const port = await listen({ kind: "raw", answer: handWrittenJwtAnswer(Object.fromEntries(me.headers)) });
    return { port, accessToken: pair.accessToken, staticToken: "", tokensFile: null, rss: process.memoryUsage().rss };
  }
  const generated = await kit.tessera.generateStaticToken(kit.userId);
  if (!generated.ok) throw new Error(`static token refused: ${generated.reason}`);
  const chains: string[] = [];
  for (let i = 0; i < config.refreshChains; i++) chains.push((await kit.login()).refreshToken);
  const tokensFile = join(config.workDir, `refresh-${currentRuntime().name}-${process.pid}.txt`);
  writeFileSync(tokensFile, `${chains.join("\n")}\n`);
  const handler = createFetchHandler(kit.tessera, { onError: (error) => console.error("bench server fault:", error instanceof Error ? error.name : "unknown") });
  const port = await listen({ kind: "tessera", handler });
  return { port, accessToken: pair.accessToken, staticToken: generated.value.token, tokensFile, rss: process.memoryUsage().rss };
}

const config = JSON.parse(process.argv[2] ?? "{}") as ServerConfig;
process.stdout.write(`${readyMarker}${JSON.stringify(await ready(config))}\n`);
if (config.kind === "seed") process.exit(0);
