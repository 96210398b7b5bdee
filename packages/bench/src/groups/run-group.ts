import type { GroupOptions } from "./group-options.ts";
import type { GroupResult } from "./group-result.ts";
import { runGrowthGroup } from "./growth-group.ts";
import { runStoreGroup } from "./store-group.ts";
import { runVerifyGroup } from "./verify-group.ts";

/** The in-process benchmark groups. */
export const groupNames = ["verify", "store", "growth"] as const;
/** See {@link groupNames}. */
export type GroupName = (typeof groupNames)[number];

/**
 * Runs one in-process group on the current runtime.
 *
 * @example
 * const result = await runGroup("verify", options);
 */
export async function runGroup(group: GroupName, options: GroupOptions): Promise<GroupResult> {
  switch (group) {
    case "verify":
      return runVerifyGroup(options.measure);
    case "store":
      return runStoreGroup(options);
    case "growth":
      return runGrowthGroup(options);
    default:
      throw new RangeError(`unknown group ${String(group)}; expected one of ${groupNames.join(", ")}`);
  }
}
