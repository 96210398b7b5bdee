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

/**
 * WAL lets readers run while one process writes; busy_timeout makes a second
 * process wait for the write lock instead of failing; foreign keys are off in
 * SQLite unless asked for. busy_timeout goes first so that switching the
 * journal mode itself waits for a busy file.
 */
export function applySqlitePragmas(handle: SqliteHandle, path: string, options: SqliteOptions): void {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) throw new RangeError("busyTimeoutMs must be a non-negative integer");
  const synchronous = options.synchronous ?? "NORMAL";
  if (synchronous !== "NORMAL" && synchronous !== "FULL") throw new RangeError("synchronous must be NORMAL or FULL");
  handle.exec(`pragma busy_timeout = ${busyTimeoutMs}`);
  if (!isMemoryPath(path)) handle.exec("pragma journal_mode = WAL");
  handle.exec(`pragma synchronous = ${synchronous}`);
  handle.exec("pragma foreign_keys = ON");
}
