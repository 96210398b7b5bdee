// Two "tabs": two clients sharing one localStorage, each with its own lock
// object over the same name, as two pages of one origin are. The server runs
// with no retry grace, so any second use of a refresh token is a reuse that
// ends the session: these tests pass only if the tabs never race.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type AuthData,
  type Client,
  createBroadcastLock,
  createClient,
  createLocalStorage,
  createProcessLock,
  createWebLock,
  type LockManagerLike,
  type RefreshLock,
  type WebStorageLike,
} from "@tessera/client";
import { type CountingFetch, createCookieJarFetch, createCountingFetch, sleep, withServer } from "./support/wire.ts";

// Deno 2.9 breaks BroadcastChannel in a process once every channel in it has been closed;
// this one stays open for the whole file (see packages/client/src/broadcast-lock.test.ts).
const keepDenoChannelsAlive = new BroadcastChannel("tessera-test-keep-alive");
(keepDenoChannelsAlive as { unref?: () => void }).unref?.();

type Me = { readonly email: string };

function sharedWebStorage(): WebStorageLike {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

interface Tabs {
  readonly tabs: readonly [Client, Client];
  readonly wire: CountingFetch;
  /** Every change each tab reported, to see whether one was ever logged out. */
  readonly changes: readonly [(AuthData | null)[], (AuthData | null)[]];
}

function openTabs(url: string, lock: () => RefreshLock, options: { autoRefresh?: boolean; mode?: "json" | "session" } = {}): Tabs {
  const localStorage = sharedWebStorage();
  // Session mode's tokens are cookies, which a browser shares between the tabs of an origin: one jar for both.
  const wire = createCountingFetch(options.mode === "session" ? createCookieJarFetch() : undefined);
  const changes: [(AuthData | null)[], (AuthData | null)[]] = [[], []];
  const open = (index: 0 | 1) =>
    createClient(url, {
      storage: createLocalStorage({ storage: localStorage }),
      lock: lock(),
      fetch: wire.fetch,
      autoRefresh: options.autoRefresh ?? false,
      mode: options.mode ?? "json",
      onChange: (auth) => changes[index].push(auth),
    });
  return { tabs: [open(0), open(1)], wire, changes };
}

async function bothRefreshAtOnce(url: string, email: string, password: string, lock: () => RefreshLock, mode: "json" | "session" = "json") {
  const { tabs, wire } = openTabs(url, lock, { mode });
  await tabs[0].login(email, password);
  const [a, b] = await Promise.all([tabs[0].refresh(), tabs[1].refresh()]);
  assert.equal(wire.count("POST /auth/refresh"), 1, "one tab refreshed, the other adopted its tokens");
  assert.deepEqual(a, b);
  for (const tab of tabs) assert.equal((await tab.request<Me>("/users/me")).email, email);
}

test("two tabs refreshing at the same instant under a BroadcastChannel lock: one refresh, both stay logged in", () =>
  withServer({ reuseGrace: "0s" }, (server) => {
    const name = `tessera-refresh-test-${Math.random()}`;
    return bothRefreshAtOnce(server.url, server.email, server.password, () => createBroadcastLock(name));
  }));

// Session mode stores no token: the tabs tell one refresh from the next by its expiry stamp alone.
test("two tabs in session mode refreshing at the same instant: one refresh, the other adopts it, both stay logged in", () =>
  withServer({ reuseGrace: "0s" }, (server) => {
    const name = `tessera-refresh-test-${Math.random()}`;
    return bothRefreshAtOnce(server.url, server.email, server.password, () => createBroadcastLock(name), "session");
  }));

const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
if (locks === undefined) {
  test.skip("two tabs refreshing at the same instant under a Web Lock: one refresh, both stay logged in (skipped: no navigator.locks on this runtime)", () => {});
} else {
  test("two tabs refreshing at the same instant under a Web Lock: one refresh, both stay logged in", () =>
    withServer({ reuseGrace: "0s" }, (server) => {
      const name = `tessera-refresh-test-${Math.random()}`;
      return bothRefreshAtOnce(server.url, server.email, server.password, () => createWebLock(name, locks));
    }));
}

test("without a lock across tabs the same race is a reuse that logs both tabs out (what the lock prevents)", () =>
  withServer({ reuseGrace: "0s" }, async (server) => {
    const { tabs, changes } = openTabs(server.url, () => createProcessLock());
    await tabs[0].login(server.email, server.password);
    const results = await Promise.allSettled([tabs[0].refresh(), tabs[1].refresh()]);
    const refused = results.find((r) => r.status === "rejected");
    assert.ok(refused !== undefined, "one of the racing refreshes was refused");
    assert.deepEqual([refused.reason.code, refused.reason.reason], ["INVALID_CREDENTIALS", "reused"]);
    assert.ok(changes.some((tab) => tab.at(-1) === null), "a tab saw its session end");
    await assert.rejects(tabs[0].request("/users/me"));
  }));

test("two tabs auto-refreshing a 2 s token for three lifetimes never spend a refresh token twice", () =>
  withServer({ reuseGrace: "0s", accessTtl: "2s" }, async (server) => {
    const name = `tessera-refresh-test-${Math.random()}`;
    const { tabs, wire, changes } = openTabs(server.url, () => createBroadcastLock(name), { autoRefresh: true });
    try {
      await tabs[0].login(server.email, server.password);
      await tabs[1].getToken(); // the second tab picks the session up from storage, as a page load does
      await sleep(3 * 2_000);
      assert.ok(wire.count("POST /auth/refresh") >= 2);
      assert.deepEqual(changes.map((tab) => tab.filter((auth) => auth === null).length), [0, 0], "neither tab was logged out");
      // The second tab's own timer (armed when it picked the session up) made it adopt at least one newer pair.
      assert.ok(new Set(changes[1]?.map((auth) => auth?.access_token)).size >= 2, `the second tab kept up by itself: ${changes[1]?.length} changes`);
      for (const tab of tabs) assert.equal((await tab.request<Me>("/users/me")).email, server.email);
    } finally {
      for (const tab of tabs) tab.close();
    }
  }));
