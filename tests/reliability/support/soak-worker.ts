import { HungRequestError, loopbackRequest, type LoopbackReply } from "./loopback-client.ts";

/** Counts one soak worker keeps: requests by kind and outcome. */
export interface SoakTally {
  readonly byKind: Map<string, number>;
  serverErrors: number;
  hung: number;
  /** Answers that contradict the contract (a live token refused, a login that failed), with a sample. */
  unexpected: number;
  readonly samples: string[];
  rateLimited: number;
}

/** A fresh tally. */
export function createTally(): SoakTally {
  return { byKind: new Map(), serverErrors: 0, hung: 0, unexpected: 0, samples: [], rateLimited: 0 };
}

// Logins are capped below the server's 100 attempts per address in 15 minutes, so 429 never masks a fault.
const maxLoginsPerWorker = 90;

/**
 * One simulated client on its own loopback address: mostly verifying, then
 * refreshing, some static-token work, and now and then a logout followed by a
 * new login. Runs until `until` (epoch ms).
 */
export async function runSoakWorker(url: string, user: { email: string; password: string }, localAddress: string, until: number, tally: SoakTally): Promise<void> {
  let logins = 0;
  let staticToken: string | null = null;
  const send = async (kind: string, method: string, path: string, options: { body?: unknown; token?: string }): Promise<LoopbackReply | null> => {
    tally.byKind.set(kind, (tally.byKind.get(kind) ?? 0) + 1);
    try {
      const reply = await loopbackRequest(url + path, { method, localAddress, timeoutMs: 10_000, ...options });
      if (reply.status >= 500) {
        tally.serverErrors++;
        if (tally.samples.length < 5) tally.samples.push(`${kind}: ${reply.status} ${reply.text.slice(0, 200)}`);
      }
      if (reply.status === 429) tally.rateLimited++;
      return reply;
    } catch (error) {
      if (error instanceof HungRequestError) tally.hung++;
      else throw error;
      return null;
    }
  };
  const expect = (reply: LoopbackReply | null, status: number, kind: string): reply is LoopbackReply => {
    if (reply === null) return false;
    if (reply.status === status) return true;
    if (reply.status < 500) {
      tally.unexpected++;
      if (tally.samples.length < 5) tally.samples.push(`${kind}: expected ${status}, got ${reply.status} ${reply.text.slice(0, 200)}`);
    }
    return false;
  };
  const login = async () => {
    logins++;
    const reply = await send("login", "POST", "/auth/login", { body: user });
    return expect(reply, 200, "login") ? (JSON.parse(reply.text).data as { access_token: string; refresh_token: string }) : null;
  };
  let pair = await login();
  for (let step = 0; Date.now() < until; step++) {
    if (pair === null) {
      if (logins >= maxLoginsPerWorker) return;
      pair = await login();
      continue;
    }
    const roll = step % 20;
    if (roll < 9) expect(await send("verify", "GET", "/users/me", { token: pair.access_token }), 200, "verify");
    else if (roll < 14) {
      const reply = await send("refresh", "POST", "/auth/refresh", { body: { refresh_token: pair.refresh_token } });
      pair = expect(reply, 200, "refresh") ? JSON.parse(reply.text).data : null;
    } else if (roll < 16) {
      const reply = await send("static", "POST", "/users/me/token", { token: pair.access_token });
      if (expect(reply, 200, "static")) staticToken = JSON.parse(reply.text).data.token;
    } else if (roll < 19) {
      if (staticToken !== null) expect(await send("static-verify", "GET", "/users/me", { token: staticToken }), 200, "static-verify");
    } else if (step % 60 === 59 && logins < maxLoginsPerWorker) {
      expect(await send("logout", "POST", "/auth/logout", { body: { refresh_token: pair.refresh_token } }), 204, "logout");
      pair = null;
    }
  }
}
