import { type Model, modelGenerateStatic } from "../model.ts";
import type { System } from "../system.ts";
import { expectAnswer, ModelCommand, summarize } from "./model-command.ts";

/** Generate (or regenerate, when the user has one) a user's static token. */
export class GenerateStaticCommand extends ModelCommand {
  constructor(readonly user: number) {
    super();
  }

  protected async step(m: Model, s: System): Promise<string> {
    const expected = modelGenerateStatic(m, this.user);
    const outcome = await s.kit.tessera.generateStaticToken(s.userIds[this.user]!);
    if (outcome.ok) {
      s.statics.push(outcome.value.token);
      s.staticUser.push(this.user);
      s.seen.newestStatic[this.user] = s.statics.length - 1;
    }
    expectAnswer(this.toString(), expected, outcome);
    return summarize(outcome);
  }

  toString(): string {
    return `generateStatic(user ${this.user})`;
  }
}
