// Entry point of one benchmark group in a child process:
//   <runtime> child.ts <group> '<GroupOptions as JSON>'
// It prints the result as one JSON line after a marker, so that anything a
// library writes to stdout cannot be mistaken for it.
import type { GroupOptions } from "./groups/group-options.ts";
import { type GroupName, runGroup } from "./groups/run-group.ts";
import { resultMarker } from "./result-marker.ts";

const [group, optionsJson] = process.argv.slice(2);
const result = await runGroup(group as GroupName, JSON.parse(optionsJson ?? "{}") as GroupOptions);
process.stdout.write(`${resultMarker}${JSON.stringify(result)}\n`);
process.exit(0);
