// Determinism: the same seed and commands give a byte-identical transcript
// (tokens included), the same events and the same store contents.
import assert from "node:assert/strict";
import fc from "fast-check";
import { rotationCommands } from "./commands/index.ts";
import { modelPolicies, runSequence, type Target } from "./model-property.ts";

/** Shorter sequences than the model property: each run executes its sequence three times. */
export const transcriptMaxCommands = 15;

/** Two runs with one seed agree byte for byte; a run with another seed hands out other tokens. */
export function sameSeedSameTranscriptProperty(target: Target) {
  return fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 30 }), modelPolicies, rotationCommands(transcriptMaxCommands, target.replayPath), async (seed, policy, commands) => {
    const first = await runSequence(target, seed, policy, commands);
    const second = await runSequence(target, seed, policy, commands);
    assert.deepEqual(second.transcript, first.transcript, "the same seed gave another transcript");
    assert.equal(second.events, first.events, "the same seed gave other events");
    assert.equal(second.contents, first.contents, "the same seed left other store contents");
    const other = await runSequence(target, seed + 1, policy, commands);
    const tokens = (transcript: readonly string[]) => transcript.filter((line) => line.includes(" -> ok {"));
    if (tokens(first.transcript).some((line) => line.includes("Token"))) {
      assert.notDeepEqual(tokens(other.transcript), tokens(first.transcript), "another seed handed out the same tokens");
    }
  });
}
