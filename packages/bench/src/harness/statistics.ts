/** The middle value of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * How far the samples stray from their median, as a fraction of it: half the
 * distance between the smallest and the largest sample. 0.05 reads "±5 %".
 */
export function spread(values: readonly number[]): number {
  const middle = median(values);
  if (middle === 0) return 0;
  return (Math.max(...values) - Math.min(...values)) / 2 / middle;
}
