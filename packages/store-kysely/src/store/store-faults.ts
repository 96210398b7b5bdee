import { StoreError } from "@tessera/core";

/**
 * Wraps a store method so that a driver failure surfaces as a
 * {@link StoreError} naming the operation, with the driver error as `cause`.
 * The message never carries arguments: they may be token hashes or emails.
 */
export function guard<A extends unknown[], R>(operation: string, method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await method(...args);
    } catch (error) {
      throw error instanceof StoreError ? error : new StoreError(`store ${operation} failed`, { cause: error });
    }
  };
}

/** True when a driver error is a unique-constraint violation (PostgreSQL or any SQLite binding). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, errcode, message } = error as { code?: unknown; errcode?: unknown; message?: unknown };
  return (
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    errcode === 2067 ||
    errcode === 1555 ||
    (typeof message === "string" && message.includes("UNIQUE constraint failed"))
  );
}
