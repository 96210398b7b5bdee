/**
 * A prototype for stand-ins of a web class (`Request`, `Headers`): it inherits
 * from `base` (so `instanceof` holds), has the members in `own`, and forwards
 * every other accessor and method of `base` to the real object that `realOf`
 * builds for an instance, so the stand-in behaves as the real one wherever it goes.
 */
export function forwardingPrototype<T>(base: object, own: PropertyDescriptorMap, realOf: (self: T) => object): object {
  const prototype = Object.create(base, own) as object;
  for (const key of Reflect.ownKeys(base)) {
    if (key === "constructor" || key === Symbol.toStringTag || Object.hasOwn(own, key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(base, key);
    if (descriptor?.get !== undefined) {
      Object.defineProperty(prototype, key, { get(this: T) { return Reflect.get(realOf(this), key); } });
    } else if (typeof descriptor?.value === "function") {
      Object.defineProperty(prototype, key, {
        value(this: T, ...args: unknown[]) {
          const real = realOf(this);
          return (Reflect.get(real, key) as (...a: unknown[]) => unknown).apply(real, args);
        },
      });
    }
  }
  return prototype;
}
