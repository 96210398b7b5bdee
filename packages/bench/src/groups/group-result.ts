import type { Figure } from "../harness/measure.ts";
import type { RuntimeInfo } from "../runtime.ts";

/** A figure with the name it is reported under and what it measured on. */
export interface NamedFigure extends Figure {
  readonly name: string;
  /** Extra context: store, durability, binding, crypto port. */
  readonly detail?: string;
}

/** A same-run ratio: rate of `of` divided by rate of `to`, median over interleaved rounds. */
export interface NamedRatio {
  readonly name: string;
  readonly of: string;
  readonly to: string;
  readonly value: number;
}

/** A part of a group that could not be measured, and why: reported, never dropped. */
export interface Unavailable {
  readonly name: string;
  readonly why: string;
}

/** What one benchmark group measured on one runtime; the JSON a child process prints. */
export interface GroupResult {
  readonly group: string;
  readonly runtime: RuntimeInfo;
  readonly figures: readonly NamedFigure[];
  readonly ratios: readonly NamedRatio[];
  readonly unavailable: readonly Unavailable[];
  /** Facts the reader needs: durability settings, which port was faster, ... */
  readonly notes: readonly string[];
}
