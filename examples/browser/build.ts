// Builds the page into one directory that any static server can serve:
//   bun examples/browser/build.ts [outdir]     (default examples/browser/dist)
// The client is bundled from its TypeScript sources; the page needs no other file.
import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

const here = import.meta.dir;
const outdir = resolve(process.argv[2] ?? join(here, "dist"));
mkdirSync(outdir, { recursive: true });
const result = await Bun.build({ entrypoints: [join(here, "src", "app.ts")], outdir, target: "browser", format: "esm", conditions: ["source"], sourcemap: "linked" });
if (!result.success) {
  for (const message of result.logs) console.error(message);
  process.exit(1);
}
copyFileSync(join(here, "index.html"), join(outdir, "index.html"));
console.log(`built ${outdir}`);
