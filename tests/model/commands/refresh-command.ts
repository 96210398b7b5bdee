import { type Model, sessionCapped } from "../model.ts";
import type { System } from "../system.ts";
import { ModelCommand } from "./model-command.ts";
import { presentRefreshToken } from "./present-refresh-token.ts";

/** The kinds of issued refresh token a refresh can present. */
export const refreshTokenKinds = ["live", "rotated", "revoked", "expired"] as const;
/** See {@link refreshTokenKinds}. */
export type RefreshTokenKind = (typeof refreshTokenKinds)[number];

/** What an issued refresh token is now, in the model's terms. */
export function kindOf(m: Readonly<Model>, index: number): RefreshTokenKind {
  const token = m.refresh[index]!;
  if (m.sessions[token.session]!.revoked) return "revoked";
  if (sessionCapped(m as Model, token.session) || m.now >= token.expiresAt) return "expired";
  return token.state;
}

/**
 * How far an issued token is from the boundary that matters for its kind: a
 * live token from its expiry, a rotated one from the end of its grace window,
 * an expired one from the instant it expired, a revoked one by age. Candidates
 * are ordered by it, so that small picks (which shrink best) land on tokens
 * right at a boundary after the clock moved onto one.
 */
export function closeness(m: Readonly<Model>, index: number): number {
  const token = m.refresh[index]!;
  const capAt = m.sessions[token.session]!.capAt ?? Number.POSITIVE_INFINITY;
  switch (kindOf(m, index)) {
    case "live":
      return Math.min(token.expiresAt, capAt) - m.now;
    case "rotated":
      return Math.abs(token.rotatedAt! + m.policy.graceMs - m.now);
    case "expired":
      return m.now - Math.min(token.expiresAt, capAt);
    case "revoked":
      return m.refresh.length - index;
  }
}

/** Issued tokens of one kind, nearest to their boundary first (ties: newest first). */
export function candidatesOf(m: Readonly<Model>, kind: RefreshTokenKind, extra: (index: number) => boolean = () => true): number[] {
  return m.refresh
    .map((_, i) => i)
    .filter((i) => kindOf(m, i) === kind && extra(i))
    .sort((a, b) => closeness(m, a) - closeness(m, b) || b - a);
}

/** Refresh with an issued token of the given kind, chosen by a pick among the tokens of that kind. */
export class RefreshCommand extends ModelCommand {
  constructor(
    readonly kind: RefreshTokenKind,
    readonly pick: number,
  ) {
    super();
  }

  override check(m: Readonly<Model>): boolean {
    return candidatesOf(m, this.kind).length > 0;
  }

  protected async step(m: Model, s: System): Promise<string> {
    const candidates = candidatesOf(m, this.kind);
    const index = candidates[this.pick % candidates.length]!;
    return presentRefreshToken(m, s, `${this} = refresh #${index}`, index);
  }

  toString(): string {
    return `refresh(${this.kind} ${this.pick})`;
  }
}
