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
  /**
   * CPU time of this process per operation (user + system, median over the
   * samples), in µs. On a machine shared with other work the wall-clock rate
   * drops when the process waits for a core; this figure does not, so it shows
   * the cost of a CPU-bound operation itself. It leaves out time spent waiting
   * on a disk or a database, so it is no substitute for the rate.
   */
  readonly cpuUsPerOp: number;
}

/** What one timed batch took. */
export interface BatchTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const isPromise = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

/** Runs `operation` `count` times in sequence and returns the elapsed wall-clock and CPU milliseconds. */
export async function timeBatch(operation: Operation, count: number): Promise<BatchTime> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const result = operation();
    if (isPromise(result)) await result;
  }
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
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
    spent += (await timeBatch(operation, count)).wallMs;
    done += count;
    count = Math.min(count * 2, 1 << 20);
  } while (performance.now() < deadline);
  const perOp = spent / done;
  return Math.max(1, Math.round(sampleMs / Math.max(perOp, 1e-6)));
}

/** Builds a figure from the timed batches of its samples. */
export function toFigure(times: readonly BatchTime[], batch: number): Figure {
  const rates = times.map((t) => (batch / t.wallMs) * 1000);
  const opsPerSec = median(rates);
  const cpuUsPerOp = median(times.map((t) => (t.cpuMs * 1000) / batch));
  return { opsPerSec, usPerOp: 1e6 / opsPerSec, spread: spread(rates), samples: rates, batch, cpuUsPerOp };
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
  const times: BatchTime[] = [];
  for (let i = 0; i < options.samples; i++) times.push(await timeBatch(operation, batch));
  return toFigure(times, batch);
}
