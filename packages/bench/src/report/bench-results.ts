import type { GroupResult, Unavailable } from "../groups/group-result.ts";
import type { HttpFigure } from "../http/http-group.ts";
import type { MemoryFigure } from "../http/http-growth.ts";

/** Where one target of issue 8 stands. */
export interface TargetStatus {
  readonly target: string;
  /** The bound, as written in the issue. */
  readonly required: string;
  readonly measured: number | null;
  /** null when the figure was not measured in this run. */
  readonly met: boolean | null;
  readonly note?: string;
}

/** Everything one bench run measured: the shape of results/latest.json. */
export interface BenchResults {
  readonly schema: 1;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly command: string;
  readonly options: Record<string, unknown>;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryBytes: number;
    readonly platform: string;
    /** 1-minute load average at the start and end of the run: others' work skews every figure. */
    readonly loadStart: number;
    readonly loadEnd: number;
  };
  readonly git: GitState;
  readonly runtimes: Readonly<Record<string, string>>;
  /** The SQLite durability setting behind the SQLite figures. */
  readonly durability: string;
  readonly groups: readonly GroupResult[];
  readonly http: readonly HttpFigure[];
  readonly httpGrowth: readonly HttpFigure[];
  readonly growthRatios: readonly { readonly name: string; readonly value: number }[];
  readonly memory: readonly MemoryFigure[];
  readonly unavailable: readonly Unavailable[];
  readonly targets: readonly TargetStatus[];
}

/**
 * The commit a run measured and the uncommitted changes in its tree (`git status --porcelain` lines; none for a clean
 * tree). Result files written before the eighth session carry a `dirty` flag instead.
 */
export interface GitState {
  readonly commit: string;
  readonly changes: readonly string[];
  /** Present when the tree was not the same at the end of the run: its commit and changes then. */
  readonly changedDuringRun?: { readonly commit: string; readonly changes: readonly string[] };
}
