import type { AsyncCommand } from "fast-check";
import type { Outcome } from "@tessera/core";
import { checkInvariants } from "../invariants.ts";
import type { Expected, Model } from "../model.ts";
import type { System } from "../system.ts";

/** The service answered otherwise than the reference model says it must. */
export class ModelMismatch extends Error {
  override readonly name = "ModelMismatch";
}

const describe = (answer: { readonly ok: boolean; readonly code?: string; readonly reason?: string }) =>
  answer.ok ? "success" : `${answer.code}/${answer.reason}`;

/** Throws unless the service's answer is the model's: both succeed, or both refuse with the same code and reason. */
export function expectAnswer(label: string, expected: Expected<unknown>, actual: Outcome<unknown>): void {
  const same = expected.ok && actual.ok ? true : !expected.ok && !actual.ok && expected.code === actual.code && expected.reason === actual.reason;
  if (!same) throw new ModelMismatch(`${label}: the model expects ${describe(expected)}, the service answered ${describe(actual)}`);
}

/** Throws unless two values the model predicts and the service reports are equal. */
export function expectEqual(label: string, expected: unknown, actual: unknown): void {
  if (expected !== actual) throw new ModelMismatch(`${label}: the model expects ${String(expected)}, the service reported ${String(actual)}`);
}

/** A transcript line for an answer; successes carry their tokens, so two runs can be compared byte for byte. */
export function summarize(outcome: Outcome<unknown>): string {
  return outcome.ok ? `ok ${JSON.stringify(outcome.value)}` : `${outcome.code}/${outcome.reason}`;
}

/**
 * One command of the model run: it applies itself to the model and to the
 * service, compares the two, appends to the transcript, then checks every
 * invariant on the service.
 */
export abstract class ModelCommand implements AsyncCommand<Model, System> {
  check(_m: Readonly<Model>): boolean {
    return true;
  }

  async run(m: Model, s: System): Promise<void> {
    const line = await this.step(m, s);
    s.transcript.push(`${this.toString()} -> ${line}`);
    await checkInvariants(s);
  }

  /** Runs the command on both sides and returns the transcript line. */
  protected abstract step(m: Model, s: System): Promise<string>;

  abstract toString(): string;
}

/** Picks among `count` items by a generated number, newest first, so that small numbers (which shrink best) mean recent items. */
export function pickNewest(count: number, pick: number): number {
  return count - 1 - (pick % count);
}
