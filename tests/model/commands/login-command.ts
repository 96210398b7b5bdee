import { modelLogin } from "../model.ts";
import type { Model } from "../model.ts";
import { passwordOf, recordAccessToken, recordRefreshToken, type System } from "../system.ts";
import { expectAnswer, expectEqual, ModelCommand, summarize } from "./model-command.ts";

/** A user logs in with the right password: a new session, or a refusal for a suspended user. */
export class LoginCommand extends ModelCommand {
  constructor(readonly user: number) {
    super();
  }

  protected async step(m: Model, s: System): Promise<string> {
    const expected = modelLogin(m, this.user);
    const outcome = await s.kit.tessera.login({ email: s.emails[this.user]!, password: passwordOf(this.user) });
    expectAnswer(this.toString(), expected, outcome);
    if (outcome.ok && expected.ok) {
      const pair = outcome.value;
      s.sessionIds.push(pair.sessionId);
      s.sessionUser.push(this.user);
      expectEqual(`${this} access expiry`, m.access[expected.value.access]!.expiresAt, pair.accessExpiresAt);
      expectEqual(`${this} refresh expiry`, m.refresh[expected.value.refresh]!.expiresAt, pair.refreshExpiresAt);
      await recordRefreshToken(s, pair.refreshToken, expected.value.session);
      recordAccessToken(s, pair.accessToken, expected.value.session);
    }
    return summarize(outcome);
  }

  toString(): string {
    return `login(user ${this.user})`;
  }
}
