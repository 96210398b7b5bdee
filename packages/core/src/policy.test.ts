import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDuration } from "./duration.ts";
import { ConfigError } from "./errors.ts";
import { parsePolicy, safeParsePolicy } from "./policy.ts";

test("durations parse as Directus writes them, and as plain milliseconds", () => {
  assert.equal(parseDuration("15m"), 900_000);
  assert.equal(parseDuration("7d"), 604_800_000);
  assert.equal(parseDuration("10s"), 10_000);
  assert.equal(parseDuration("250ms"), 250);
  assert.equal(parseDuration("1.5h"), 5_400_000);
  assert.equal(parseDuration("42"), 42);
  assert.equal(parseDuration(1000), 1000);
  for (const bad of ["", "-5m", "5 minutes", "m", "1e3", "0.5ms", "15M", "Infinity"]) assert.equal(parseDuration(bad), null, bad);
  for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(parseDuration(bad), null, String(bad));
});

test("the default policy is 15 min access, 7 days refresh, 10 s grace, session binding", () => {
  const policy = parsePolicy();
  assert.equal(policy.accessTtlMs, 15 * 60_000);
  assert.equal(policy.refreshTtlMs, 7 * 86_400_000);
  assert.equal(policy.reuseGraceMs, 10_000);
  assert.equal(policy.sessionMaxAgeMs, null);
  assert.equal(policy.accessBinding, "session");
});

test("a bad policy value is refused with a message naming the field", () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ accessTokenTtl: "soon" }, "accessTokenTtl"],
    [{ refreshTokenTtl: -1 }, "refreshTokenTtl"],
    [{ reuseGrace: "ten seconds" }, "reuseGrace"],
    [{ sessionMaxAge: "0" }, "sessionMaxAge"],
    [{ accessBinding: "cookie" }, "accessBinding"],
    [{ issuer: "" }, "issuer"],
    [{ loginAttemptsPerAddress: 0 }, "loginAttemptsPerAddress"],
    [{ accesTokenTtl: "15m" }, "accesTokenTtl"],
  ];
  for (const [input, field] of cases) {
    const result = safeParsePolicy(input as never);
    assert.ok(!result.ok, JSON.stringify(input));
    assert.equal(result.field, field);
    assert.ok(result.message.includes(field), result.message);
    assert.throws(() => parsePolicy(input as never), (error: unknown) => error instanceof ConfigError && error.field === field && error.name === "ConfigError");
  }
});
