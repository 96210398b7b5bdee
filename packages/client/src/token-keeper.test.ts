import assert from "node:assert/strict";
import { test } from "node:test";
import type { AuthData } from "./auth-data.ts";
import { createMemoryStorage } from "./memory-storage.ts";
import { createProcessLock } from "./refresh-lock.ts";
import { createTokenKeeper, distinctFrom } from "./token-keeper.ts";

const session: AuthData = { access_token: null, refresh_token: null, expires: 60_000, expires_at: 1_060_000 };

test("a refresh that answers exactly what was stored is still stored as a different entry", () => {
  const next = distinctFrom({ ...session }, session);
  assert.notDeepEqual(next, session);
  assert.equal(next.expires_at, session.expires_at - 1, "it errs early, never late");
  const later = { ...session, expires_at: session.expires_at + 1_000 };
  assert.equal(distinctFrom(later, session), later, "any other answer is stored as it came");
  assert.equal(distinctFrom(later, null), later);
});

test("two tabs whose refreshes answer the same entry to the millisecond still refresh once: the second adopts", async () => {
  // What a fast server can do in session mode: the refresh's expiry equals the login's (same whole-second exp, same ms).
  const storage = createMemoryStorage(session);
  const lock = createProcessLock();
  let onWire = 0;
  const tab = () =>
    createTokenKeeper({
      storage,
      lock,
      cookieRefresh: true,
      onChange: () => {},
      refreshOnWire: async () => {
        onWire++;
        return { ...session };
      },
    });
  const [a, b] = await Promise.all([tab().refresh(session), tab().refresh(session)]);
  assert.equal(onWire, 1);
  assert.deepEqual(a, b);
  assert.deepEqual(await storage.get(), a);
});
