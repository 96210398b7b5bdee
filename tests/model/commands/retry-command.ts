import type { Model } from "../model.ts";
import type { System } from "../system.ts";
import { ModelCommand } from "./model-command.ts";
import { candidatesOf } from "./refresh-command.ts";
import { presentRefreshToken } from "./present-refresh-token.ts";

/** Within the grace window, a client that lost the answer presents its rotated token again. */
export class RetryCommand extends ModelCommand {
  constructor(readonly pick: number) {
    super();
  }

  private candidates(m: Readonly<Model>): number[] {
    return candidatesOf(m, "rotated", (i) => {
      const token = m.refresh[i]!;
      return m.now < token.rotatedAt! + m.policy.graceMs && m.refresh[token.successor!]!.state === "live";
    });
  }

  override check(m: Readonly<Model>): boolean {
    return this.candidates(m).length > 0;
  }

  protected async step(m: Model, s: System): Promise<string> {
    const candidates = this.candidates(m);
    const index = candidates[this.pick % candidates.length]!;
    return presentRefreshToken(m, s, `${this} = retry #${index}`, index);
  }

  toString(): string {
    return `retry(${this.pick})`;
  }
}
