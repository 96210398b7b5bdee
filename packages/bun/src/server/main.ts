// The reference server: `npm start`. Configuration comes from environment
// variables (see packages/bun/README.md); an invalid one stops the start
// with a message naming it.
import { ConfigError } from "@tessera/core";
import { redactDatabaseUrl } from "./redact-database-url.ts";
import { readServerConfig } from "./server-config.ts";
import { startServer } from "./start-server.ts";

const write = (line: string) => process.stdout.write(line + "\n");

try {
  const config = readServerConfig(process.env);
  const server = await startServer(config, write);
  const shown = new URL(server.url);
  if (shown.hostname === "0.0.0.0" || shown.hostname === "[::]") shown.hostname = "localhost";
  const base = shown.origin;
  write(`Tessera listening on ${base} (database ${redactDatabaseUrl(config.databaseUrl)})`);
  const generated = server.bootstrap.created ? server.bootstrap.generatedPassword : null;
  if (server.bootstrap.created) write(`Created the first admin: ${server.bootstrap.email}`);
  // The generated password is printed once, in the login command: on this first run only, never again.
  if (generated !== null) write("Its password was generated and is in the login command below, printed on this first run only (change it with `npx tessera user set-password`).");
  const password = generated ?? "<password>";
  write(`Log in: curl -s -X POST ${base}/auth/login -H 'Content-Type: application/json' -d '{"email":"${config.adminEmail}","password":"${password}"}'`);
  if (config.staticDir !== null) write(`Demo page: ${base}/ (serving ${config.staticDir})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    write(`${signal}: stopping (finishing in-flight requests)`);
    server.stop().then(
      () => {
        write("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError) process.stderr.write(`tessera: configuration error: ${error.message}\n`);
  else process.stderr.write(`tessera: could not start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
}
