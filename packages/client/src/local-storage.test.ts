import assert from "node:assert/strict";
import { test } from "node:test";
import type { AuthData } from "./auth-data.ts";
import { createLocalStorage, type WebStorageLike } from "./local-storage.ts";

function webStorage(): WebStorageLike & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const auth: AuthData = { access_token: "access", refresh_token: null, expires: 900_000, expires_at: 1_900_000 };

test("the local-storage adapter reads back what it stored, under its key", () => {
  const backing = webStorage();
  const storage = createLocalStorage({ key: "app_auth", storage: backing });
  storage.set(auth);
  assert.deepEqual(storage.get(), auth);
  assert.deepEqual(JSON.parse(backing.items.get("app_auth") ?? "null"), auth);
});

test("setting null removes the entry", () => {
  const backing = webStorage();
  const storage = createLocalStorage({ storage: backing });
  storage.set(auth);
  storage.set(null);
  assert.equal(backing.items.size, 0);
  assert.equal(storage.get(), null);
});

test("session mode's entry (the expiry and no token) reads back as stored", () => {
  const storage = createLocalStorage({ storage: webStorage() });
  const session: AuthData = { access_token: null, refresh_token: null, expires: 900_000, expires_at: 1_900_000 };
  storage.set(session);
  assert.deepEqual(storage.get(), session);
});

test("a corrupted or foreign entry reads as logged out", () => {
  const backing = webStorage();
  const storage = createLocalStorage({ storage: backing });
  const junks = [
    "{not json",
    "42",
    JSON.stringify({ access_token: "a" }),
    JSON.stringify({ ...auth, refresh_token: 7 }),
    JSON.stringify({ ...auth, access_token: "" }),
    // No mode keeps a refresh token without its access token.
    JSON.stringify({ ...auth, access_token: null, refresh_token: "r" }),
    JSON.stringify({ access_token: null, refresh_token: null, expires: 900_000 }),
  ];
  for (const junk of junks) {
    backing.items.set("tessera_auth", junk);
    assert.equal(storage.get(), null, junk);
  }
});

test("without a localStorage global the adapter says so instead of failing later", () => {
  if ((globalThis as { localStorage?: unknown }).localStorage !== undefined) return void assert.ok(createLocalStorage());
  assert.throws(() => createLocalStorage(), TypeError);
});
