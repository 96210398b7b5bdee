// `npm start`: builds the example page (examples/browser) into ./data/app and
// runs the reference server, which serves it at / beside the API. Set
// TESSERA_STATIC_DIR to serve another directory, or to an empty value to
// serve none. Runs on Bun.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
if (process.env["TESSERA_STATIC_DIR"] === undefined) {
  const site = join(process.cwd(), "data", "app");
  const built = spawnSync(process.execPath, [join(root, "examples", "browser", "build.ts"), site], { stdio: ["ignore", "ignore", "inherit"] });
  if (built.status === 0) process.env["TESSERA_STATIC_DIR"] = site;
  else process.stderr.write("could not build the example page; starting without it\n");
}
await import(join(root, "packages", "bun", "src", "server", "main.ts"));
