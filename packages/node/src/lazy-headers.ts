import { forwardingPrototype } from "./forwarding-prototype.ts";

const state = Symbol("tessera.lazyHeaders");

interface LazyState {
  /** node:http's `rawHeaders`: name, value, name, value, ... as received (names validated by Node's parser). */
  readonly raw: readonly string[];
  real?: Headers;
}

type LazyHeaders = Headers & { [state]: LazyState };

// RFC 9110's token: what Headers accepts as a name. Anything else goes to the real Headers, which throws as it should.
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What Headers strips from both ends of a value (HTTP whitespace).
const isHttpWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

function normalizedValue(value: string): string {
  if (value.length === 0 || (!isHttpWhitespace(value.charCodeAt(0)) && !isHttpWhitespace(value.charCodeAt(value.length - 1)))) return value;
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

function realOf(self: LazyHeaders): Headers {
  const s = self[state];
  if (s.real !== undefined) return s.real;
  const real = new Headers();
  for (let i = 0; i < s.raw.length; i += 2) real.append(s.raw[i] as string, s.raw[i + 1] as string);
  return (s.real = real);
}

// Headers.get joins repeated values with ", ", except that undici (Node) and Bun join Cookie values with "; " as
// RFC 6265 sends them; Deno does not. Asked of this runtime's own Headers once, so the two always agree.
const cookieSeparator = (() => {
  const probe = new Headers();
  probe.append("cookie", "a");
  probe.append("cookie", "b");
  return (probe.get("cookie") ?? "a, b").slice(1, -1);
})();

// Headers.get: every value of the name, in order, joined; null when there is none.
function scan(raw: readonly string[], lowerName: string): string | null {
  const separator = lowerName === "cookie" ? cookieSeparator : ", ";
  let found: string | null = null;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length !== lowerName.length || name.toLowerCase() !== lowerName) continue;
    const value = normalizedValue(raw[i + 1] as string);
    found = found === null ? value : `${found}${separator}${value}`;
  }
  return found;
}

// `get` and `has` with a valid name are answered from the raw list until something else is asked for (or the
// headers are changed); from then on the real Headers, built once, answers everything. Undefined: ask the real one.
function rawAnswer(self: LazyHeaders, name: string): string | null | undefined {
  const s = self[state];
  if (s.real !== undefined || typeof name !== "string" || !tokenPattern.test(name)) return undefined;
  return scan(s.raw, name.toLowerCase());
}

const own: PropertyDescriptorMap = {
  get: {
    value(this: LazyHeaders, name: string): string | null {
      const answer = rawAnswer(this, name);
      return answer === undefined ? realOf(this).get(name) : answer;
    },
  },
  has: {
    value(this: LazyHeaders, name: string): boolean {
      const answer = rawAnswer(this, name);
      return answer === undefined ? realOf(this).has(name) : answer !== null;
    },
  },
};
const prototype = forwardingPrototype<LazyHeaders>(Headers.prototype, own, realOf);

/**
 * A `Headers` (by prototype and behaviour) over node:http's `rawHeaders`.
 * `get` and `has`, which is all the Tessera handler asks, scan the raw list;
 * anything else (iteration, `set`, `getSetCookie`, ...) builds the real
 * `Headers` once and forwards to it. Filling a `Headers` from the 16 headers
 * a browser sends took about 4 µs on Node 20; the scan takes 0.2 µs for three
 * look-ups.
 */
export function createLazyHeaders(raw: readonly string[]): Headers {
  const headers = Object.create(prototype) as LazyHeaders;
  headers[state] = { raw };
  return headers;
}
