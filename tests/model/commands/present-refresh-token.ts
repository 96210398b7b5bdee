import { checkRefreshSuccess, readBeforeRefresh } from "../invariants.ts";
import { type Model, modelRefresh } from "../model.ts";
import { recordAccessToken, recordRefreshToken, type System } from "../system.ts";
import { expectAnswer, expectEqual, ModelMismatch, summarize } from "./model-command.ts";

/**
 * Presents refresh token #index (or a never-issued one) to the model and to the
 * service: checks the spent-token invariant on any pair the service hands out,
 * notes a detected reuse, then compares with the model and records new tokens.
 */
export async function presentRefreshToken(m: Model, s: System, label: string, index: number | null, unknownToken = ""): Promise<string> {
  const token = index === null ? unknownToken : s.refresh[index]!;
  const before = await readBeforeRefresh(s, index === null ? null : s.refreshHashes[index]!);
  const expected = modelRefresh(m, index);
  const outcome = await s.kit.tessera.refresh(token);
  if (outcome.ok) await checkRefreshSuccess(s, before, outcome.value);
  if (!outcome.ok && outcome.reason === "reused" && index !== null) s.seen.endedSessions.add(s.refreshSession[index]!);
  expectAnswer(label, expected, outcome);
  if (outcome.ok && expected.ok) {
    const pair = outcome.value;
    const { session, refresh, access, retried } = expected.value;
    expectEqual(`${label} session`, s.sessionIds[session], pair.sessionId);
    expectEqual(`${label} access expiry`, m.access[access]!.expiresAt, pair.accessExpiresAt);
    if (retried) {
      if (pair.refreshToken !== s.refresh[refresh]) throw new ModelMismatch(`${label}: a retry must return the successor, token #${refresh}`);
    } else {
      expectEqual(`${label} refresh expiry`, m.refresh[refresh]!.expiresAt, pair.refreshExpiresAt);
      await recordRefreshToken(s, pair.refreshToken, session);
    }
    recordAccessToken(s, pair.accessToken, session);
  }
  return summarize(outcome);
}
