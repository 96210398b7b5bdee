import { median, spread } from "./statistics.ts";

/** One operation under test; a returned promise is awaited, a plain value is not. */
export type Operation = () => unknown;

/** How long and how often to measure. */
export interface MeasureOptions {
  /** Time spent running the operation untimed first (JIT, caches), in ms. */
  readonly warmupMs: number;
  /** Timed samples taken; the figure is their median. */
  readonly samples: number;
  /** Rough duration of one sample, in ms; the operation count per sample is calibrated to it. */
  readonly sampleMs: number;
}

/** A measured figure: the median of the samples' rates and how far they strayed. */
export interface Figure {
  readonly opsPerSec: number;
  /** Microseconds per operation at the median rate. */
  readonly usPerOp: number;
  /** See {@link spread}. */
  readonly spread: number;
  /** Every sample's rate, in the order taken. */
  readonly samples: readonly number[];
  /** Operations per sample. */
  readonly batch: number;
}

const isPromise = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

/** Runs `operation` `count` times in sequence and returns the elapsed milliseconds. */
export async function timeBatch(operation: Operation, count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const result = operation();
    if (isPromise(result)) await result;
  }
  return performance.now() - start;
}

/**
 * Runs the operation for about `warmupMs` and returns how many operations fit
 * in `sampleMs`, so that every sample is long enough for the timer to be exact.
 */
export async function calibrate(operation: Operation, warmupMs: number, sampleMs: number): Promise<number> {
  let count = 1;
  let spent = 0;
  let done = 0;
  const deadline = performance.now() + Math.max(warmupMs, 1);
  do {
    spent += await timeBatch(operation, count);
    done += count;
    count = Math.min(count * 2, 1 << 20);
  } while (performance.now() < deadline);
  const perOp = spent / done;
  return Math.max(1, Math.round(sampleMs / Math.max(perOp, 1e-6)));
}

/** Builds a figure from per-sample rates. */
export function toFigure(rates: readonly number[], batch: number): Figure {
  const opsPerSec = median(rates);
  return { opsPerSec, usPerOp: 1e6 / opsPerSec, spread: spread(rates), samples: rates, batch };
}

/**
 * Measures one operation: warm-up, then `samples` timed batches; the figure is
 * the median rate.
 *
 * @example
 * const figure = await measure(() => tessera.verifyAccessToken(token), { warmupMs: 200, samples: 7, sampleMs: 100 });
 */
export async function measure(operation: Operation, options: MeasureOptions): Promise<Figure> {
  const batch = await calibrate(operation, options.warmupMs, options.sampleMs);
  const rates: number[] = [];
  for (let i = 0; i < options.samples; i++) rates.push((batch / (await timeBatch(operation, batch))) * 1000);
  return toFigure(rates, batch);
}
