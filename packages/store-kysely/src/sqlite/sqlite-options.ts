import type { SqliteHandle } from "./sqlite-handle.ts";

/** How a SQLite file is opened. */
export interface SqliteOptions {
  /**
   * `NORMAL` (default) survives a crash of the process, which is what WAL
   * needs for `kill -9`; `FULL` also survives power loss, at an fsync per commit.
   */
  readonly synchronous?: "NORMAL" | "FULL";
  /** How long a write waits for another process's write lock, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
}

/** True for the paths that SQLite keeps in memory instead of a file. */
export function isMemoryPath(path: string): boolean {
  return path === ":memory:" || path === "";
}

// Measured with bench/growth.ts and raw bun:sqlite at 1,000 and 1,000,000
// sessions (see the README): a checkpoint every 1,000 WAL pages (SQLite's
// default) fsyncs twice and took more than half of all rotation time; every
// 10,000 pages (40 MB of WAL at most) cut rotation wall time by a third.
const walAutocheckpointPages = 10_000;
// After a checkpoint restarts the WAL, a file grown past this (by a big
// prune, say) is truncated back.
const journalSizeLimitBytes = 64 * 1024 * 1024;
// Reads through a memory map skip a pread and a copy per page that is not in
// SQLite's own cache: session look-ups at a million sessions measured ~20%
// faster. Address space only; the OS page cache holds the pages either way.
const mmapSizeBytes = 1024 * 1024 * 1024;

/**
 * WAL lets readers run while one process writes; busy_timeout makes a second
 * process wait for the write lock instead of failing; foreign keys are off in
 * SQLite unless asked for. busy_timeout goes first so that switching the
 * journal mode itself waits for a busy file.
 */
export function applySqlitePragmas(handle: Pick<SqliteHandle, "exec">, path: string, options: SqliteOptions): void {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) throw new RangeError("busyTimeoutMs must be a non-negative integer");
  const synchronous = options.synchronous ?? "NORMAL";
  if (synchronous !== "NORMAL" && synchronous !== "FULL") throw new RangeError("synchronous must be NORMAL or FULL");
  handle.exec(`pragma busy_timeout = ${busyTimeoutMs}`);
  if (!isMemoryPath(path)) {
    handle.exec("pragma journal_mode = WAL");
    handle.exec(`pragma wal_autocheckpoint = ${walAutocheckpointPages}`);
    handle.exec(`pragma journal_size_limit = ${journalSizeLimitBytes}`);
    handle.exec(`pragma mmap_size = ${mmapSizeBytes}`);
  }
  handle.exec(`pragma synchronous = ${synchronous}`);
  handle.exec("pragma foreign_keys = ON");
}
