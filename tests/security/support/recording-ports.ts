/** A log of port calls: `port.method`, in order. */
export type CallLog = string[];

/**
 * Wraps every method of a port so that each call is written to `log` as
 * `name.method` before it runs. Arguments are not logged: the point is which
 * work is done, not with what.
 */
export function recordCalls<T extends object>(name: string, port: T, log: CallLog): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        log.push(`${name}.${String(property)}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
