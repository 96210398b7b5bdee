import { type Model, modelLogout } from "../model.ts";
import type { System } from "../system.ts";
import { expectAnswer, expectEqual, ModelCommand, pickNewest, summarize } from "./model-command.ts";

/** Logout with any issued refresh token: its session, or (scope all) every session of its user. */
export class LogoutCommand extends ModelCommand {
  constructor(
    readonly pick: number,
    readonly scope: "session" | "all",
  ) {
    super();
  }

  override check(m: Readonly<Model>): boolean {
    return m.refresh.length > 0;
  }

  protected async step(m: Model, s: System): Promise<string> {
    const index = pickNewest(s.refresh.length, this.pick);
    const label = `${this} = logout #${index}`;
    const expected = modelLogout(m, index, this.scope);
    const outcome = await s.kit.tessera.logout(s.refresh[index]!, this.scope);
    if (outcome.ok) {
      const own = s.refreshSession[index]!;
      const user = s.sessionUser[own]!;
      s.sessionUser.forEach((owner, session) => {
        if (session === own || (this.scope === "all" && owner === user)) s.seen.endedSessions.add(session);
      });
    }
    expectAnswer(label, expected, outcome);
    if (outcome.ok && expected.ok) expectEqual(`${label} sessions revoked`, expected.value.revoked, outcome.value.revoked);
    return summarize(outcome);
  }

  toString(): string {
    return `logout(${this.pick}, ${this.scope})`;
  }
}
