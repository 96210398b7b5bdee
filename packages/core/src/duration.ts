const unitMs = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_557_600_000,
} as const;

const durationPattern = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|y)?$/;

/**
 * Parses a Directus-style duration (`"15m"`, `"7d"`, `"500ms"`, `"10"` = ms) or a
 * number of milliseconds. Returns null for anything else, including negative,
 * fractional-millisecond and unsafe values.
 *
 * @example
 * parseDuration("15m"); // 900000
 */
export function parseDuration(value: string | number): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  const match = durationPattern.exec(value.trim());
  if (match === null) return null;
  const amount = Number(match[1]);
  const unit = (match[2] ?? "ms") as keyof typeof unitMs;
  const ms = amount * unitMs[unit];
  return Number.isSafeInteger(ms) ? ms : null;
}
