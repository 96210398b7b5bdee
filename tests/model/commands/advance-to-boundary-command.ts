import type { Model } from "../model.ts";
import type { System } from "../system.ts";
import { ModelCommand } from "./model-command.ts";

/** The kinds of instant at which some answer changes. */
export const boundaryKinds = ["refresh-expiry", "grace-end", "access-expiry", "session-cap"] as const;
/** See {@link boundaryKinds}. */
export type BoundaryKind = (typeof boundaryKinds)[number];

/**
 * Every instant of one kind, ascending: expiries, ends of grace windows, session
 * caps. Refresh tokens and caps of revoked sessions are left out, as nothing
 * changes for them any more.
 */
export function boundaries(m: Readonly<Model>, kind: BoundaryKind): number[] {
  const open = m.refresh.filter((t) => !m.sessions[t.session]!.revoked);
  const all =
    kind === "refresh-expiry"
      ? open.map((t) => t.expiresAt)
      : kind === "grace-end"
        ? open.flatMap((t) => (t.rotatedAt === null ? [] : [t.rotatedAt + m.policy.graceMs]))
        : kind === "access-expiry"
          ? m.access.map((t) => t.expiresAt)
          : m.sessions.flatMap((s) => (s.capAt === null || s.revoked ? [] : [s.capAt]));
  return [...new Set(all)].sort((a, b) => a - b);
}

/** Time moves exactly onto a boundary, or one millisecond before or after it; small picks mean the nearest. */
export class AdvanceToBoundaryCommand extends ModelCommand {
  constructor(
    readonly kind: BoundaryKind,
    readonly pick: number,
    readonly offset: -1 | 0 | 1,
  ) {
    super();
  }

  private targets(m: Readonly<Model>): number[] {
    return boundaries(m, this.kind)
      .map((b) => b + this.offset)
      .filter((t) => t >= m.now);
  }

  override check(m: Readonly<Model>): boolean {
    return this.targets(m).length > 0;
  }

  protected async step(m: Model, s: System): Promise<string> {
    const targets = this.targets(m);
    const target = targets[this.pick % targets.length]!;
    s.kit.clock.advance(target - m.now);
    m.now = target;
    return `now ${s.kit.clock.now()}`;
  }

  toString(): string {
    return `advanceToBoundary(${this.kind} ${this.pick}, ${this.offset > 0 ? "+" : ""}${this.offset} ms)`;
  }
}
