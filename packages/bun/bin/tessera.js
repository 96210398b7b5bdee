#!/usr/bin/env node
// `npx tessera ...`: runs the TypeScript CLI with the project's own Bun, so
// no build step and no global install is needed.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const bun = join(dirname(require.resolve("bun/package.json")), "bin", "bun.exe");
const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "cli", "main.ts");
const result = spawnSync(bun, [cli, ...process.argv.slice(2)], { stdio: "inherit" });
if (result.error) {
  console.error(`tessera: could not run bun (${result.error.message}); run npm install first`);
  process.exit(2);
}
process.exit(result.status ?? 1);
