import type { Model } from "../model.ts";
import type { System } from "../system.ts";
import { ModelCommand } from "./model-command.ts";

/** Time passes by a small or a large step. */
export class AdvanceClockCommand extends ModelCommand {
  constructor(readonly ms: number) {
    super();
  }

  protected async step(m: Model, s: System): Promise<string> {
    m.now += this.ms;
    s.kit.clock.advance(this.ms);
    return `now ${s.kit.clock.now()}`;
  }

  toString(): string {
    return `advance(${this.ms} ms)`;
  }
}
