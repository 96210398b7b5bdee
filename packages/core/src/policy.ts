import * as v from "valibot";
import { parseDuration } from "./duration.ts";
import { ConfigError } from "./errors.ts";

/** How access tokens are checked: against a live session (default) or by signature and expiry alone. */
export const accessBindings = ["session", "stateless"] as const;
/** See {@link accessBindings}. */
export type AccessBinding = (typeof accessBindings)[number];

/** A duration as milliseconds or a Directus-style string such as `"15m"` or `"7d"`. */
export type DurationInput = number | string;

/** Policy as configured: every field optional, durations as ms or strings. */
export interface PolicyInput {
  /** Access token lifetime; default `"15m"`. */
  readonly accessTokenTtl?: DurationInput;
  /** Refresh token lifetime, renewed in full on each rotation; default `"7d"`. */
  readonly refreshTokenTtl?: DurationInput;
  /** How long a rotated refresh token may be retried for the same successor; default `"10s"`. */
  readonly reuseGrace?: DurationInput;
  /** Cap on a session's total life, or null (default) for none. */
  readonly sessionMaxAge?: DurationInput | null;
  /** Default `"session"`. */
  readonly accessBinding?: AccessBinding;
  /** The `iss` claim written and required; default `"tessera"`. */
  readonly issuer?: string;
  /** How far in the future an `iat` may lie (clock drift between instances); default `"30s"`. */
  readonly clockTolerance?: DurationInput;
  /** A static token's `lastUsedAt` is written at most this often; default `"1m"`. */
  readonly staticTokenTouchInterval?: DurationInput;
  /** Failed logins allowed per account and client address in one window; default 10. */
  readonly loginFailuresPerAccountAndAddress?: number;
  /** Login attempts allowed per client address in one window; default 100. */
  readonly loginAttemptsPerAddress?: number;
  /** The login rate-limit window; default `"15m"`. */
  readonly loginWindow?: DurationInput;
}

/** Policy as the core uses it: every duration resolved to milliseconds. */
export interface Policy {
  readonly accessTtlMs: number;
  readonly refreshTtlMs: number;
  readonly reuseGraceMs: number;
  readonly sessionMaxAgeMs: number | null;
  readonly accessBinding: AccessBinding;
  readonly issuer: string;
  readonly clockToleranceMs: number;
  readonly staticTokenTouchMs: number;
  readonly loginFailuresPerAccountAndAddress: number;
  readonly loginAttemptsPerAddress: number;
  readonly loginWindowMs: number;
}

const duration = (field: string, minimum: number) =>
  v.pipe(
    v.union([v.number(), v.string()], `${field} must be a number of milliseconds or a duration such as "15m"`),
    v.transform((value) => parseDuration(value)),
    v.custom<number>(
      (ms) => typeof ms === "number" && ms >= minimum,
      `${field} must be a duration of at least ${minimum} ms, such as "15m" or "7d"`,
    ),
  );

const count = (field: string) =>
  v.pipe(v.number(`${field} must be a number`), v.integer(`${field} must be an integer`), v.minValue(1, `${field} must be at least 1`));

const policySchema = v.strictObject({
  accessTokenTtl: v.optional(duration("accessTokenTtl", 1_000), "15m"),
  refreshTokenTtl: v.optional(duration("refreshTokenTtl", 1_000), "7d"),
  reuseGrace: v.optional(duration("reuseGrace", 0), "10s"),
  sessionMaxAge: v.optional(v.nullable(duration("sessionMaxAge", 1_000)), null),
  accessBinding: v.optional(v.picklist(accessBindings, `accessBinding must be "session" or "stateless"`), "session"),
  issuer: v.optional(v.pipe(v.string("issuer must be a string"), v.minLength(1, "issuer must not be empty")), "tessera"),
  clockTolerance: v.optional(duration("clockTolerance", 0), "30s"),
  staticTokenTouchInterval: v.optional(duration("staticTokenTouchInterval", 0), "1m"),
  loginFailuresPerAccountAndAddress: v.optional(count("loginFailuresPerAccountAndAddress"), 10),
  loginAttemptsPerAddress: v.optional(count("loginAttemptsPerAddress"), 100),
  loginWindow: v.optional(duration("loginWindow", 1_000), "15m"),
});

/** The result of {@link safeParsePolicy}. */
export type PolicyResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly field: string; readonly message: string };

/**
 * Validates a policy and resolves its durations, without throwing.
 *
 * @example
 * safeParsePolicy({ accessTokenTtl: "5m" }); // { ok: true, policy: { accessTtlMs: 300000, ... } }
 */
export function safeParsePolicy(input: PolicyInput = {}): PolicyResult {
  const result = v.safeParse(policySchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const field = issue.path?.map((item) => String(item.key)).join(".") || "policy";
    const message = issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
    return { ok: false, field, message };
  }
  const p = result.output;
  return {
    ok: true,
    policy: {
      accessTtlMs: p.accessTokenTtl,
      refreshTtlMs: p.refreshTokenTtl,
      reuseGraceMs: p.reuseGrace,
      sessionMaxAgeMs: p.sessionMaxAge,
      accessBinding: p.accessBinding,
      issuer: p.issuer,
      clockToleranceMs: p.clockTolerance,
      staticTokenTouchMs: p.staticTokenTouchInterval,
      loginFailuresPerAccountAndAddress: p.loginFailuresPerAccountAndAddress,
      loginAttemptsPerAddress: p.loginAttemptsPerAddress,
      loginWindowMs: p.loginWindow,
    },
  };
}

/** Like {@link safeParsePolicy}, but throws a {@link ConfigError} naming the field. */
export function parsePolicy(input: PolicyInput = {}): Policy {
  const result = safeParsePolicy(input);
  if (!result.ok) throw new ConfigError(result.field, result.message);
  return result.policy;
}
