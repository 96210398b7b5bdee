import { checkAcceptedAccessToken } from "../invariants.ts";
import { type Model, modelVerifyAccess } from "../model.ts";
import type { System } from "../system.ts";
import { expectAnswer, expectEqual, ModelCommand, summarize } from "./model-command.ts";

/** Issued access tokens, nearest to their expiry first (ties: newest first), so that small picks land on a boundary. */
export function accessCandidates(m: Readonly<Model>): number[] {
  const distance = (i: number) => Math.abs(m.access[i]!.expiresAt - m.now);
  return m.access.map((_, i) => i).sort((a, b) => distance(a) - distance(b) || b - a);
}

/** Verify an issued access token, chosen by a pick among them. */
export class VerifyAccessCommand extends ModelCommand {
  constructor(readonly pick: number) {
    super();
  }

  override check(m: Readonly<Model>): boolean {
    return m.access.length > 0;
  }

  protected async step(m: Model, s: System): Promise<string> {
    const index = accessCandidates(m)[this.pick % m.access.length]!;
    const label = `${this} = verify access #${index}`;
    const expected = modelVerifyAccess(m, index);
    const outcome = await s.kit.tessera.verifyAccessToken(s.access[index]!);
    if (outcome.ok) await checkAcceptedAccessToken(s, s.access[index]!);
    expectAnswer(label, expected, outcome);
    if (outcome.ok && expected.ok) expectEqual(`${label} session`, s.sessionIds[expected.value.session], outcome.value.sessionId);
    return summarize(outcome);
  }

  toString(): string {
    return `verifyAccess(${this.pick})`;
  }
}
