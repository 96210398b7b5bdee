import assert from "node:assert/strict";
import { test } from "node:test";
import type { AuthData } from "./auth-data.ts";
import { maxTimerDelayMs, refreshDelay } from "./refresh-delay.ts";

const now = 1_000_000;
const tokens = (expires: number, expiresAt: number): AuthData => ({ access_token: "a", refresh_token: "r", expires, expires_at: expiresAt });

test("the refresh is due msRefreshBeforeExpires before expiry", () => {
  assert.equal(refreshDelay(tokens(900_000, now + 900_000), now, 30_000), 870_000);
});

test("a token shorter than the margin is refreshed half-way through its life, not at once", () => {
  assert.equal(refreshDelay(tokens(2_000, now + 2_000), now, 30_000), 1_000);
});

test("an expired token is due now", () => {
  assert.equal(refreshDelay(tokens(2_000, now - 5_000), now, 30_000), 0);
});

test("a very long token is capped at the longest delay a timer honours", () => {
  assert.equal(refreshDelay(tokens(90 * 86_400_000, now + 90 * 86_400_000), now, 30_000), maxTimerDelayMs);
});
