import { type Model, modelRevokeStatic } from "../model.ts";
import type { System } from "../system.ts";
import { expectAnswer, expectEqual, ModelCommand, summarize } from "./model-command.ts";

/** Revoke a user's static token, whether or not there is one. */
export class RevokeStaticCommand extends ModelCommand {
  constructor(readonly user: number) {
    super();
  }

  protected async step(m: Model, s: System): Promise<string> {
    const expected = modelRevokeStatic(m, this.user);
    const outcome = await s.kit.tessera.revokeStaticToken(s.userIds[this.user]!);
    if (outcome.ok) s.seen.newestStatic[this.user] = null;
    expectAnswer(this.toString(), expected, outcome);
    if (outcome.ok && expected.ok) expectEqual(`${this} revoked`, expected.value.revoked, outcome.value.revoked);
    return summarize(outcome);
  }

  toString(): string {
    return `revokeStatic(user ${this.user})`;
  }
}
