import { TesseraError } from "@tessera/core";
import type { CompiledQuery } from "kysely";

const marker = "\u0000tessera-param:";

/**
 * A named placeholder for {@link prepareQuery}: build the query once with
 * `param("hash")` where the value goes, then bind real values per call.
 */
export function param<T = string>(name: string): T {
  return `${marker}${name}` as unknown as T;
}

/** Binds named values into a query compiled once. */
export type PreparedQuery<R, A> = (args: A) => CompiledQuery<R>;

/**
 * Turns a query compiled once with {@link param} placeholders into a function
 * that binds values by name. Building and compiling a Kysely query costs more
 * than running it on SQLite, so the hot paths compile at store creation and
 * run through `db.executeQuery`.
 */
export function prepareQuery<R, A extends Readonly<Record<string, unknown>>>(compiled: CompiledQuery<R>): PreparedQuery<R, A> {
  const names = compiled.parameters.map((value) => (typeof value === "string" && value.startsWith(marker) ? value.slice(marker.length) : null));
  return (args) => {
    const parameters = names.map((name, index) => {
      if (name === null) return compiled.parameters[index];
      const value = args[name];
      if (value === undefined) throw new TesseraError(`query parameter ${name} is missing`);
      return value;
    });
    return { ...compiled, parameters };
  };
}
