import { type Model, modelReactivate } from "../model.ts";
import type { System } from "../system.ts";
import { expectAnswer, ModelCommand, summarize } from "./model-command.ts";

/** Reactivate a user: what the suspension ended must stay ended. */
export class ReactivateUserCommand extends ModelCommand {
  constructor(readonly user: number) {
    super();
  }

  protected async step(m: Model, s: System): Promise<string> {
    const expected = modelReactivate(m, this.user);
    const outcome = await s.kit.tessera.updateUser(s.userIds[this.user]!, { status: "active" });
    if (outcome.ok) s.seen.active[this.user] = true;
    expectAnswer(this.toString(), expected, outcome);
    return summarize(outcome);
  }

  toString(): string {
    return `reactivate(user ${this.user})`;
  }
}
