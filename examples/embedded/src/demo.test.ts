import assert from "node:assert/strict";
import { test } from "node:test";
import { createManualClock, createSeededRandom } from "@tessera/core/testing";
import { runDemo } from "./demo.ts";

test("the embedded demo logs in, rotates, survives a retry, detects reuse and logs out on its own store", async () => {
  const steps = await runDemo(createManualClock(), createSeededRandom(3));
  assert.deepEqual(
    steps.map((s) => `${s.step}: ${s.result}`),
    [
      "login: ok",
      "verify access token: ok",
      "refresh: ok",
      "retry the old token at once (lost response): ok, same successor",
      "reuse the old token after the grace window: INVALID_CREDENTIALS (reused)",
      "the session's newest refresh token after the reuse: INVALID_CREDENTIALS (revoked)",
      "login again: ok",
      "logout: ok",
      "access token after logout: INVALID_TOKEN (revoked)",
      "journal entries written: 9",
    ],
  );
});
