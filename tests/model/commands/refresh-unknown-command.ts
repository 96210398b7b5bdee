import type { Model } from "../model.ts";
import type { System } from "../system.ts";
import { ModelCommand } from "./model-command.ts";
import { presentRefreshToken } from "./present-refresh-token.ts";

/** Refresh with a well-formed token that was never issued. */
export class RefreshUnknownCommand extends ModelCommand {
  constructor(readonly token: string) {
    super();
  }

  protected async step(m: Model, s: System): Promise<string> {
    return presentRefreshToken(m, s, this.toString(), null, this.token);
  }

  toString(): string {
    return `refresh(never issued ${this.token.slice(0, 6)}…)`;
  }
}
