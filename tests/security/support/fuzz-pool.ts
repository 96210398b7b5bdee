import type { FuzzPool } from "./http-arbitraries.ts";
import type { WirePair } from "./in-process-stand.ts";

/** What a fuzz run needs from a live server: ways to log in and to get a static token. */
export interface PoolSource {
  login(email: string, password: string): Promise<WirePair>;
  staticToken(accessToken: string): Promise<string>;
  /** Session ids of a user, by an access token of theirs. */
  sessionIds(accessToken: string): Promise<string[]>;
}

/**
 * Logs both users in twice and takes a static token each, so that fuzzed
 * requests carry real tokens and ids as well as junk.
 */
export async function buildFuzzPool(source: PoolSource, users: ReadonlyArray<{ readonly id: string; readonly email: string; readonly password: string }>): Promise<FuzzPool> {
  const tokens: string[] = [];
  const ids: string[] = [];
  for (const user of users) {
    for (let i = 0; i < 2; i++) {
      const pair = await source.login(user.email, user.password);
      tokens.push(pair.access_token, pair.refresh_token);
    }
    const access = tokens.at(-2) as string;
    tokens.push(await source.staticToken(access));
    ids.push(user.id, ...(await source.sessionIds(access)));
  }
  return { tokens, ids, emails: users.map((user) => user.email), passwords: users.map((user) => user.password) };
}
