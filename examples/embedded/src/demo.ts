import { type Clock, createKeyring, createOsloCrypto, createTessera, generateHmacKey, type Outcome, type Random } from "@tessera/core";
import { createMemoryUserDirectory, createTestPasswordHasher } from "@tessera/core/testing";
import { createJournalStore } from "./journal-store.ts";

/** One line of what the demo did. */
export interface DemoStep {
  readonly step: string;
  readonly result: string;
}

const show = (outcome: Outcome<unknown>) => (outcome.ok ? "ok" : `${outcome.code} (${outcome.reason})`);

/**
 * A scripted session against the embedded core: login, verify, refresh, a
 * retried refresh, a reuse after the grace window, logout. The host supplies
 * clock and randomness, as a custom runtime or a WebSocket server would.
 *
 * @example
 * for (const { step, result } of await runDemo(systemClock, webRandom)) console.log(step, result);
 */
export async function runDemo(clock: Clock & { advance?(ms: number): void }, random: Random): Promise<DemoStep[]> {
  const crypto = createOsloCrypto();
  const store = createJournalStore();
  const tessera = createTessera({
    clock,
    random,
    crypto,
    store,
    users: createMemoryUserDirectory(),
    // The demo's hasher is fast and insecure; a real host passes argon2id (see @tessera/node's createArgon2Hasher).
    passwords: createTestPasswordHasher(crypto),
    keys: createKeyring(generateHmacKey(random)),
    policy: { accessTokenTtl: "15m", reuseGrace: "10s" },
  });
  const steps: DemoStep[] = [];
  const log = (step: string, result: string) => steps.push({ step, result });

  await tessera.createUser({ email: "ada@example.com", password: "correct horse battery staple" });
  const login = await tessera.login({ email: "ada@example.com", password: "correct horse battery staple" });
  log("login", show(login));
  if (!login.ok) return steps;
  log("verify access token", show(await tessera.authenticate(login.value.accessToken)));
  const rotated = await tessera.refresh(login.value.refreshToken);
  log("refresh", show(rotated));
  const retried = await tessera.refresh(login.value.refreshToken);
  log("retry the old token at once (lost response)", retried.ok && rotated.ok && retried.value.refreshToken === rotated.value.refreshToken ? "ok, same successor" : show(retried));
  clock.advance?.(11_000);
  log("reuse the old token after the grace window", show(await tessera.refresh(login.value.refreshToken)));
  log("the session's newest refresh token after the reuse", rotated.ok ? show(await tessera.refresh(rotated.value.refreshToken)) : "-");
  const again = await tessera.login({ email: "ada@example.com", password: "correct horse battery staple" });
  log("login again", show(again));
  if (again.ok) {
    log("logout", show(await tessera.logout(again.value.refreshToken)));
    log("access token after logout", show(await tessera.authenticate(again.value.accessToken)));
  }
  log("journal entries written", String(store.journal.length));
  return steps;
}
