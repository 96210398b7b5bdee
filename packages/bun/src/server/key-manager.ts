import { createKeyring, encodeBase64url, type Keyring, type Policy } from "@tessera/core";
import { webRandom } from "@tessera/core/platform";
import { deriveSigningKey } from "@tessera/node";
import type { SigningKeyStore, StoredSigningKey } from "@tessera/store-kysely";

/** The live keyring of a server or CLI, backed by signing-key metadata in the database. */
export interface KeyManager {
  /** The keyring now: the newest live key signs; retired keys verify until their tokens have expired. */
  keyring(): Keyring;
  /** Re-reads the key list (after `keys rotate` from the CLI, or on a timer). */
  reload(): Promise<void>;
  /** Reloads unless it did so within the last few seconds; true if it reloaded. For unknown `kid`s, so junk tokens cannot hammer the database. */
  reloadSoon(): Promise<boolean>;
  /** Adds a new signing key and retires the others. Returns the new kid. */
  rotate(): Promise<string>;
  /** Makes sure a live key exists (first start). */
  ensureSigningKey(): Promise<void>;
}

const unknownKidReloadGapMs = 5_000;


/**
 * Builds the key manager. Key material never touches the database: only kids
 * and their created/retired times do.
 */
export function createKeyManager(store: SigningKeyStore, secret: Uint8Array, policy: Policy, now: () => number): KeyManager {
  let current: Keyring | null = null;
  // Only look-ups forced by unknown kids are rate-limited; the timer's reloads do not count against them.
  let lastForcedReload = -Infinity;
  const build = (keys: readonly StoredSigningKey[]): Keyring => {
    const at = now();
    const live = keys.filter((key) => key.retiredAt === null);
    const signing = live.at(-1);
    if (signing === undefined) throw new Error("no live signing key: run `tessera keys rotate`");
    // A retired key keeps verifying until every token it signed has expired.
    const window = policy.accessTtlMs + policy.clockToleranceMs;
    const verifying = keys.filter((key) => key !== signing && (key.retiredAt === null || at < key.retiredAt + window));
    return createKeyring(deriveSigningKey(secret, signing.kid), verifying.map((key) => deriveSigningKey(secret, key.kid)));
  };
  const manager: KeyManager = {
    keyring() {
      if (current === null) throw new Error("keys not loaded yet");
      return current;
    },
    async reload() {
      current = build(await store.listSigningKeys());
    },
    async reloadSoon() {
      if (now() - lastForcedReload < unknownKidReloadGapMs) return false;
      lastForcedReload = now();
      await manager.reload();
      return true;
    },
    async rotate() {
      const at = now();
      const before = await store.listSigningKeys();
      const kid = encodeBase64url(webRandom.bytes(9));
      await store.insertSigningKey({ kid, alg: "HS256", createdAt: at, retiredAt: null });
      for (const key of before) if (key.retiredAt === null) await store.retireSigningKey(key.kid, at);
      await manager.reload();
      return kid;
    },
    async ensureSigningKey() {
      const keys = await store.listSigningKeys();
      if (!keys.some((key) => key.retiredAt === null)) await manager.rotate();
      else await manager.reload();
    },
  };
  return manager;
}
