import { type Model, modelVerifyStatic } from "../model.ts";
import type { System } from "../system.ts";
import { expectAnswer, expectEqual, ModelCommand, pickNewest, summarize } from "./model-command.ts";

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A static token with one character of its body changed: the checksum catches it before any look-up. */
export function mistype(token: string): string {
  const at = 4;
  const next = base62[(base62.indexOf(token[at]!) + 1) % base62.length]!;
  return `${token.slice(0, at)}${next}${token.slice(at + 1)}`;
}

/** Verify an issued static token chosen by index (recent first), as issued or mistyped. */
export class VerifyStaticCommand extends ModelCommand {
  constructor(
    readonly pick: number,
    readonly mistyped: boolean,
  ) {
    super();
  }

  override check(m: Readonly<Model>): boolean {
    return m.statics.length > 0;
  }

  protected async step(m: Model, s: System): Promise<string> {
    const index = pickNewest(s.statics.length, this.pick);
    const label = `${this} = verify static #${index}`;
    const token = this.mistyped ? mistype(s.statics[index]!) : s.statics[index]!;
    const expected = this.mistyped ? ({ ok: false, code: "INVALID_TOKEN", reason: "bad_checksum" } as const) : modelVerifyStatic(m, index);
    const outcome = await s.kit.tessera.verifyStaticToken(token);
    expectAnswer(label, expected, outcome);
    if (outcome.ok && expected.ok) expectEqual(`${label} user`, s.userIds[expected.value.user], outcome.value.userId);
    return summarize(outcome);
  }

  toString(): string {
    return `verifyStatic(${this.pick}${this.mistyped ? ", mistyped" : ""})`;
  }
}
