import type { BenchResults, GitState } from "./bench-results.ts";

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "n/a");
const fixed = (n: number | null | undefined, digits = 2) => (n === null || n === undefined || !Number.isFinite(n) ? "n/a" : n.toFixed(digits));
const pct = (n: number) => `±${(n * 100).toFixed(0)}%`;
const mib = (bytes: number | null) => (bytes === null ? "n/a" : `${(bytes / 1048576).toFixed(0)} MiB`);

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

// The uncommitted changes, named (a few at most), and any change made while the run went on.
function treeNote(git: GitState): string {
  const named = (changes: readonly string[]) => changes.slice(0, 5).map((change) => change.trim()).join(", ") + (changes.length > 5 ? `, and ${changes.length - 5} more` : "");
  const start = git.changes.length > 0 ? ` (uncommitted: ${named(git.changes)})` : "";
  const during = git.changedDuringRun;
  if (during === undefined) return start;
  const end = during.commit === git.commit ? "" : ` commit ${during.commit.slice(0, 12)},`;
  return `${start}; the tree changed during the run, at its end:${end} ${during.changes.length === 0 ? "clean" : named(during.changes)}`;
}

/**
 * Formats a run as the text the bench prints: in-process figures, same-run
 * ratios, HTTP figures, growth and memory, what was not available, and where
 * each target stands.
 *
 * @example
 * console.log(formatReport(results));
 */
export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const m = results.machine;
  out.push(`Tessera bench, ${results.startedAt}, commit ${results.git.commit.slice(0, 12)}${treeNote(results.git)}`);
  out.push(`${m.cpus} x ${m.cpuModel}, ${mib(m.memoryBytes)}, load ${m.loadStart.toFixed(2)} at start, ${m.loadEnd.toFixed(2)} at end`);
  out.push(`runtimes: ${Object.entries(results.runtimes).map(([k, v]) => `${k} ${v}`).join(", ")}; ${results.durability}`);
  out.push(`command: ${results.command}`);
  for (const group of results.groups) {
    out.push("", `== ${group.group} on ${group.runtime.name} ${group.runtime.version}`);
    out.push(table(["operation", "ops/s", "µs/op", "spread", "cpu µs/op", "detail"], group.figures.map((f) => [f.name, int(f.opsPerSec), fixed(f.usPerOp), pct(f.spread), fixed(f.cpuUsPerOp), f.detail ?? ""])));
    if (group.ratios.length > 0) out.push("", table(["same-run ratio", "value"], group.ratios.map((r) => [r.name, `${fixed(r.value)}x`])));
    for (const u of group.unavailable) out.push(`NOT AVAILABLE: ${u.name}: ${u.why}`);
    for (const note of group.notes) out.push(`note: ${note}`);
  }
  if (results.http.length > 0) {
    out.push("", "== HTTP over loopback (wrk, out of process; median of runs; ratio = median of same-round ratios to the bare server, lowest and highest round after it)");
    const percent = (value: number) => (value * 100).toFixed(0);
    const ratio = (f: (typeof results.http)[number]) =>
      f.ratioToBare === null ? "" : `${percent(f.ratioToBare)}%${f.ratioRange === null ? "" : ` (${percent(f.ratioRange[0])}-${percent(f.ratioRange[1])})`}`;
    out.push(table(["runtime", "scenario", "req/s", "p50 ms", "p99 ms", "/ bare", "errors"], results.http.map((f) => [f.runtime, f.name, int(f.requestsPerSec), fixed(f.p50Ms), fixed(f.p99Ms), ratio(f), String(f.errors)])));
  }
  if (results.httpGrowth.length > 0) {
    out.push("", "== HTTP growth");
    out.push(table(["runtime", "scenario", "req/s", "p50 ms", "p99 ms", "errors"], results.httpGrowth.map((f) => [f.runtime, f.name, int(f.requestsPerSec), fixed(f.p50Ms), fixed(f.p99Ms), String(f.errors)])));
  }
  if (results.growthRatios.length > 0) out.push("", table(["growth ratio (few / many sessions; 1.0 = no slow-down)", "value"], results.growthRatios.map((r) => [r.name, fixed(r.value)])));
  if (results.memory.length > 0) out.push("", table(["memory", "RSS", "of it file-backed"], results.memory.map((f) => [`${f.runtime}: ${f.what}`, mib(f.rssBytes), mib(f.fileBackedBytes ?? null)])));
  if (results.unavailable.length > 0) {
    out.push("", "== NOT AVAILABLE in this run");
    for (const u of results.unavailable) out.push(`!! ${u.name}: ${u.why}`);
  }
  out.push("", "== targets (issue 8; this run's own figures decide)");
  const verdict = (met: boolean | null) => (met === null ? "NOT MEASURED" : met ? "met" : "MISSED");
  out.push(table(["target", "required", "measured", "status", "note"], results.targets.map((t) => [t.target, t.required, fixed(t.measured), verdict(t.met), t.note ?? ""])));
  return out.join("\n");
}
