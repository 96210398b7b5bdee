import { createTessera, parsePolicy, type PolicyInput, type Tessera } from "@tessera/core";
import { systemClock, webRandom } from "@tessera/core/platform";
import { createArgon2Hasher, createNodeCrypto } from "@tessera/node";
import { type KyselyStore, openStore } from "@tessera/store-kysely";
import { createKeyManager, type KeyManager } from "./key-manager.ts";
import type { ServerConfig } from "./server-config.ts";
import { loadServerSecret } from "./server-secret.ts";

/** A Tessera on the configured database, with its store and keys, as the server and the CLI use it. */
export interface OpenedTessera {
  readonly tessera: Tessera;
  readonly store: KyselyStore;
  readonly keys: KeyManager;
  close(): Promise<void>;
}

/**
 * Opens the database (running migrations), loads the signing keys (creating
 * the first on a fresh database) and builds the service with native crypto and
 * argon2id. A token signed by a kid this process has not seen yet (a rotation
 * by the CLI or another instance) triggers one rate-limited key reload.
 */
export async function openTessera(config: ServerConfig, options: { readonly backgroundCheckpoints?: boolean } = {}): Promise<OpenedTessera> {
  const secret = loadServerSecret(config);
  const policyInput: PolicyInput = {
    accessTokenTtl: config.accessTokenTtl,
    refreshTokenTtl: config.refreshTokenTtl,
    reuseGrace: config.reuseGrace,
    sessionMaxAge: config.sessionMaxAge,
    clockTolerance: config.clockTolerance,
    loginFailuresPerAccountAndAddress: config.loginLimits.failuresPerAccountAndAddress,
    loginAttemptsPerAddress: config.loginLimits.attemptsPerAddress,
    loginWindow: config.loginLimits.window,
  };
  // Parsed here too, so that a bad value stops the start before the database is opened; the key manager needs it resolved.
  const policy = parsePolicy(policyInput);
  const store = await openStore(config.databaseUrl, { backgroundCheckpoints: options.backgroundCheckpoints === true });
  try {
    const keys = createKeyManager(store, secret, policy, systemClock.now);
    await keys.ensureSigningKey();
    const base = createTessera({
      clock: systemClock,
      random: webRandom,
      crypto: createNodeCrypto(),
      store,
      users: store,
      rateLimiter: store,
      passwords: createArgon2Hasher(),
      keys: () => keys.keyring(),
      policy: policyInput,
    });
    const retryOnUnknownKid = (verify: Tessera["authenticate"]): Tessera["authenticate"] => async (token) => {
      const outcome = await verify(token);
      if (!outcome.ok && outcome.reason === "unknown_kid" && (await keys.reloadSoon())) return verify(token);
      return outcome;
    };
    const tessera: Tessera = { ...base, authenticate: retryOnUnknownKid(base.authenticate), verifyAccessToken: retryOnUnknownKid(base.verifyAccessToken) };
    return { tessera, store, keys, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}
