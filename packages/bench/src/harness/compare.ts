import { type BatchTime, calibrate, type Figure, type MeasureOptions, type Operation, timeBatch, toFigure } from "./measure.ts";
import { median } from "./statistics.ts";

/** A named operation among several measured together. */
export interface Contender {
  readonly name: string;
  readonly operation: Operation;
}

/** The figures of a comparison, and a way to read same-round ratios out of it. */
export interface Comparison {
  readonly figures: ReadonlyMap<string, Figure>;
  /** The figure of one contender; throws for an unknown name. */
  figure(name: string): Figure;
  /** Median over rounds of (rate of `a`) / (rate of `b`) measured in the same round. */
  ratio(a: string, b: string): number;
}

/**
 * Measures several operations in interleaved rounds: each round takes one
 * sample of every contender (the order rotates), so that a ratio compares
 * samples taken moments apart on the same machine, and a burst of load from
 * elsewhere hits all contenders alike.
 *
 * @example
 * const comparison = await compare([{ name: "a", operation: a }, { name: "b", operation: b }], options);
 * comparison.ratio("a", "b"); // 3.1: a ran 3.1 times as many operations per second
 */
export async function compare(contenders: readonly Contender[], options: MeasureOptions): Promise<Comparison> {
  const batches = new Map<string, number>();
  for (const contender of contenders) batches.set(contender.name, await calibrate(contender.operation, options.warmupMs, options.sampleMs));
  const times = new Map<string, BatchTime[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < options.samples; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(i + round) % contenders.length] as Contender;
      times.get(contender.name)?.push(await timeBatch(contender.operation, batches.get(contender.name) as number));
    }
  }
  const figures = new Map(contenders.map((c) => [c.name, toFigure(times.get(c.name) as BatchTime[], batches.get(c.name) as number)]));
  const samplesOf = (name: string) => {
    const found = figures.get(name);
    if (found === undefined) throw new RangeError(`no contender named ${name}`);
    return found.samples;
  };
  return {
    figures,
    figure(name) {
      const found = figures.get(name);
      if (found === undefined) throw new RangeError(`no contender named ${name}`);
      return found;
    },
    ratio(a, b) {
      const left = samplesOf(a);
      const right = samplesOf(b);
      return median(left.map((rate, round) => rate / (right[round] as number)));
    },
  };
}
