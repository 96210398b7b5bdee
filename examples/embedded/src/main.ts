// Runs the embedded demo on the real clock and a CSPRNG:
//   bun examples/embedded/src/main.ts   (or deno run, or node --import tsx)
import { webRandom } from "@tessera/core/platform";
import { runDemo } from "./demo.ts";

let offset = 0;
// The demo skips 11 s ahead to show reuse detection without waiting for it.
const clock = { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
for (const { step, result } of await runDemo(clock, webRandom)) console.log(`${step.padEnd(52)} ${result}`);
