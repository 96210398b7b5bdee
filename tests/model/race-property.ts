// Races: fast-check's scheduler interleaves, at every store round trip, the
// concurrent refreshes (several tabs presenting one token) and logouts of one session.
import fc from "fast-check";
import type { Outcome, TokenPair } from "@tessera/core";
import { checkInvariants, InvariantViolation } from "./invariants.ts";
import type { ModelPolicy } from "./model.ts";
import type { Target } from "./model-property.ts";
import { scheduleStore } from "./scheduled-store.ts";
import { createSystem, usersOf, passwordOf, recordAccessToken, recordRefreshToken, type System } from "./system.ts";

const racePolicy: ModelPolicy = { accessTtlMs: 60_000, refreshTtlMs: 600_000, graceMs: 10_000, sessionMaxAgeMs: null };

/** One burst of concurrent requests after a pause: `tabs` refreshes of the newest token, maybe a logout. */
export interface RaceRound {
  readonly pause: number;
  readonly tabs: number;
  readonly logout: "session" | "all" | null;
}

/** Up to four bursts; pauses short (within the grace window) and long (past the refresh token's life). */
export const raceRounds: fc.Arbitrary<readonly RaceRound[]> = fc.array(
  fc.record({
    pause: fc.oneof(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 10_000, max: 650_000 })),
    tabs: fc.integer({ min: 1, max: 3 }),
    logout: fc.constantFrom(null, null, "session" as const, "all" as const),
  }),
  { minLength: 1, maxLength: 4 },
);

async function recordPairs(s: System, answers: readonly Outcome<TokenPair>[]): Promise<TokenPair[]> {
  const pairs = answers.flatMap((answer) => (answer.ok ? [answer.value] : []));
  const successors = new Set(pairs.map((pair) => pair.refreshToken));
  if (successors.size > 1) throw new InvariantViolation("never two live successors", `${successors.size} tabs got different successors of one token`);
  for (const pair of pairs) {
    if (!s.refresh.includes(pair.refreshToken)) await recordRefreshToken(s, pair.refreshToken, 0);
    recordAccessToken(s, pair.accessToken, 0);
  }
  return pairs;
}

/**
 * Concurrent refreshes of one token never yield two live successors; honest
 * tabs that present the same token within the grace window all stay logged
 * in; and once a logout has run, nothing of the session works.
 */
export function raceProperty(target: Target) {
  return fc.asyncProperty(fc.scheduler(), fc.integer(), raceRounds, async (scheduler, seed, rounds) => {
    const opened = await target.factory.open();
    const gate = { on: false };
    try {
      const variant = target.variant === undefined ? {} : { variant: target.variant };
      const { real: s } = await createSystem({ seed, policy: racePolicy, store: opened.store, ...usersOf(opened), ...variant, schedule: (store) => scheduleStore(store, scheduler, gate) });
      const login = await s.kit.tessera.login({ email: s.emails[0]!, password: passwordOf(0) });
      if (!login.ok) throw new Error(`login was refused: ${login.reason}`);
      s.sessionIds.push(login.value.sessionId);
      s.sessionUser.push(0);
      await recordPairs(s, [login]);
      let head = login.value;
      let loggedOut = false;
      for (const round of rounds) {
        s.kit.clock.advance(round.pause);
        const honest = !loggedOut && round.logout === null && s.kit.clock.now() < head.refreshExpiresAt;
        gate.on = true;
        const refreshes = Promise.all(Array.from({ length: round.tabs }, () => s.kit.tessera.refresh(head.refreshToken)));
        const logout = round.logout === null ? null : s.kit.tessera.logout(head.refreshToken, round.logout);
        const [answers, logoutAnswer] = await scheduler.waitFor(Promise.all([refreshes, logout]));
        gate.on = false;
        const pairs = await recordPairs(s, answers);
        if (logoutAnswer?.ok === true) {
          loggedOut = true;
          s.seen.endedSessions.add(0);
        }
        const refused = answers.find((answer) => !answer.ok);
        if (honest && refused !== undefined && !refused.ok) {
          throw new InvariantViolation("never a logged-out honest client that retried within the grace window", `a tab was refused (${refused.reason})`);
        }
        head = pairs[0] ?? head;
        await checkInvariants(s);
      }
    } finally {
      gate.on = false;
      await opened.close();
    }
  });
}
