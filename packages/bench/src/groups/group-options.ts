import type { MeasureOptions } from "../harness/measure.ts";

/** What the driver tells a group running in a child process. */
export interface GroupOptions {
  readonly measure: MeasureOptions;
  /** PostgreSQL for the store groups, or null to report PostgreSQL as not available. */
  readonly pgUrl: string | null;
  /** A second, empty PostgreSQL database, for the growth group's large store. */
  readonly pgUrlLarge: string | null;
  /** A directory for SQLite files, removed by the driver afterwards. */
  readonly workDir: string;
  /** Session counts stored before the growth figures are taken. */
  readonly growthSizes: readonly number[];
}
