import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { createLazyHeaders } from "./lazy-headers.ts";

// What node:http's parser lets through: token names in any case, values without NUL, CR or LF, maybe padded.
const names = ["Authorization", "authorization", "AUTHORIZATION", "Cookie", "cookie", "Origin", "Set-Cookie", "X-Custom", "x-custom", "Accept"];
const rawHeader = fc.tuple(fc.constantFrom(...names), fc.string({ unit: fc.constantFrom("a", "B", "=", ";", ",", " ", "\t", "é", "\"", "/") }));
const rawList = fc.array(rawHeader, { maxLength: 8 }).map((pairs) => pairs.flat());
const asked = fc.constantFrom(...names, "content-type", "x-absent", "bad name", "", "ümlaut", "x-custom ");

function real(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

// The outcome of a call, throwing included, so that both sides can be compared.
function outcome(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (error) {
    return { threw: error instanceof TypeError ? "TypeError" : String(error) };
  }
}

test("get and has answer exactly as a Headers filled from the same raw headers, invalid names included", () => {
  fc.assert(
    fc.property(rawList, fc.array(asked, { minLength: 1, maxLength: 6 }), (raw, questions) => {
      const lazy = createLazyHeaders(raw);
      const filled = real(raw);
      for (const name of questions) {
        assert.deepEqual(outcome(() => lazy.get(name)), outcome(() => filled.get(name)), `get(${JSON.stringify(name)})`);
        assert.deepEqual(outcome(() => lazy.has(name)), outcome(() => filled.has(name)), `has(${JSON.stringify(name)})`);
      }
    }),
    { numRuns: 500 },
  );
});

test("everything else goes to a real Headers, and after a change every answer comes from it", () => {
  fc.assert(
    fc.property(rawList, fc.constantFrom(...names), (raw, name) => {
      const lazy = createLazyHeaders(raw);
      const filled = real(raw);
      assert.ok(lazy instanceof Headers);
      assert.deepEqual([...lazy], [...filled]);
      assert.deepEqual(lazy.getSetCookie(), filled.getSetCookie());
      lazy.set(name, "changed");
      filled.set(name, "changed");
      assert.equal(lazy.get(name), "changed");
      assert.equal(lazy.get(name), filled.get(name));
      lazy.delete("cookie");
      assert.equal(lazy.has("cookie"), false);
    }),
    { numRuns: 200 },
  );
});

test("a Request or Headers built from it gets the same headers", () => {
  const raw = ["Host", "example.com", "Authorization", " Bearer abc ", "Cookie", "a=1", "cookie", "b=2"];
  const lazy = createLazyHeaders(raw);
  assert.deepEqual([...new Headers(lazy)], [...real(raw)]);
  assert.equal(new Request("http://example.com/", { headers: lazy }).headers.get("cookie"), real(raw).get("cookie"));
  assert.equal(lazy.get("authorization"), "Bearer abc");
});
