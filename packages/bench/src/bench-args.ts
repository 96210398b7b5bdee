import { type RuntimeName, runtimeNames } from "./runtime.ts";

/** The parts of the bench; each can be picked with --only. */
export const sections = ["verify", "store", "http", "growth", "memory"] as const;
/** See {@link sections}. */
export type Section = (typeof sections)[number];

/** The bench's command line, parsed. */
export interface BenchArgs {
  readonly quick: boolean;
  readonly sections: ReadonlySet<Section>;
  /** Sections left out, with why: printed in the table, never silent. */
  readonly skipped: readonly { readonly section: Section; readonly why: string }[];
  readonly runtimes: readonly RuntimeName[];
  /** Runtimes the store group runs on (Bun alone in --quick). */
  readonly storeRuntimes: readonly RuntimeName[];
  readonly pgUrl: string | null;
  /** Session counts for the growth figures. */
  readonly growthSizes: readonly [number, number];
  readonly memorySeconds: number;
}

/** Usage text for --help and for a bad argument. */
export const usage = `npm run bench -- [--quick] [--only=verify,store,http,growth,memory] [--runtimes=bun,node,deno]
                       [--growth] [--memory] [--pg-url=postgres://...] [--growth-sizes=1000,1000000]
  --quick     about a minute: fewer samples, 1 s wrk runs; growth and the 60 s memory run are left out
              unless --growth / --memory ask for them
  --pg-url    PostgreSQL for the store figures (default: $BENCH_PG_URL or $TEST_PG_URL); the bench
              creates and drops its own database, tessera_bench, on that server`;

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value.split(",").filter((item) => item !== "");
  for (const item of items) if (!allowed.includes(item as T)) throw new RangeError(`${flag}: unknown ${item}; expected ${allowed.join(", ")}`);
  return items as T[];
}

/**
 * Parses the bench's arguments; throws a RangeError naming a bad one.
 *
 * @example
 * parseBenchArgs(["--quick"], {}).sections; // verify, store, http
 */
export function parseBenchArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): BenchArgs {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  for (const arg of argv) {
    const name = /^--([a-z-]+)/.exec(arg)?.[1];
    if (name === undefined || !["quick", "only", "runtimes", "growth", "memory", "pg-url", "growth-sizes", "memory-seconds"].includes(name)) {
      throw new RangeError(`unknown argument ${arg}`);
    }
  }
  const quick = flag("quick");
  const only = value("only");
  const chosen = new Set<Section>(only === undefined ? sections : list(only, sections, "--only"));
  const skipped: { section: Section; why: string }[] = [];
  for (const section of sections) if (!chosen.has(section)) skipped.push({ section, why: "left out by --only" });
  if (quick && only === undefined) {
    for (const section of ["growth", "memory"] as const) {
      if (!flag(section)) {
        chosen.delete(section);
        skipped.push({ section, why: `left out by --quick (add --${section} to run it)` });
      }
    }
  }
  const runtimes = list(value("runtimes") ?? runtimeNames.join(","), runtimeNames, "--runtimes");
  const growth = (value("growth-sizes") ?? "1000,1000000").split(",").map(Number);
  if (growth.length !== 2 || !growth.every((n) => Number.isSafeInteger(n) && n > 0) || (growth[0] as number) >= (growth[1] as number)) {
    throw new RangeError("--growth-sizes: two increasing positive integers, such as 1000,1000000");
  }
  const memorySeconds = Number(value("memory-seconds") ?? 60);
  if (!Number.isSafeInteger(memorySeconds) || memorySeconds < 1) throw new RangeError("--memory-seconds: a positive integer");
  return {
    quick,
    sections: chosen,
    skipped,
    runtimes,
    storeRuntimes: quick ? (runtimes.includes("bun") ? ["bun"] : runtimes.slice(0, 1)) : runtimes,
    pgUrl: value("pg-url") ?? env["BENCH_PG_URL"] ?? env["TEST_PG_URL"] ?? null,
    growthSizes: [growth[0] as number, growth[1] as number],
    memorySeconds,
  };
}
