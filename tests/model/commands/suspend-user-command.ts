import { type Model, modelSuspend } from "../model.ts";
import type { System } from "../system.ts";
import { expectAnswer, ModelCommand, summarize } from "./model-command.ts";

/** Suspend a user: every session and the static token end. */
export class SuspendUserCommand extends ModelCommand {
  constructor(readonly user: number) {
    super();
  }

  protected async step(m: Model, s: System): Promise<string> {
    const expected = modelSuspend(m, this.user);
    const outcome = await s.kit.tessera.updateUser(s.userIds[this.user]!, { status: "suspended" });
    if (outcome.ok) {
      s.seen.active[this.user] = false;
      s.seen.newestStatic[this.user] = null;
      s.sessionUser.forEach((owner, session) => owner === this.user && s.seen.endedSessions.add(session));
    }
    expectAnswer(this.toString(), expected, outcome);
    return summarize(outcome);
  }

  toString(): string {
    return `suspend(user ${this.user})`;
  }
}
