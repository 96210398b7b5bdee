// Tessera as a fetch module: `deno serve -A examples/worker/worker.ts` and
// `bun run examples/worker/worker.ts` both serve its default export. State is
// in memory (one process, gone on restart) and crypto is WebCrypto, the
// portable default that also runs in edge runtimes; passwords use argon2id.
import { createKeyring, createMemoryRateLimiter, createTessera, generateHmacKey } from "@tessera/core";
import { systemClock, webRandom, createWebCrypto } from "@tessera/core/platform";
import { createMemoryStore, createMemoryUserDirectory } from "@tessera/core/testing";
import { createFetchHandler } from "@tessera/fetch";
import { createArgon2Hasher } from "@tessera/node";

const env = (name: string): string | undefined => (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];

const tessera = createTessera({
  clock: systemClock,
  random: webRandom,
  crypto: createWebCrypto(),
  store: createMemoryStore(),
  users: createMemoryUserDirectory(),
  rateLimiter: createMemoryRateLimiter(),
  passwords: createArgon2Hasher(),
  // A per-process key: fine for a demo whose sessions die with the process anyway.
  keys: createKeyring(generateHmacKey(webRandom)),
});

const email = env("ADMIN_EMAIL") ?? "admin@example.com";
const password = env("ADMIN_PASSWORD") ?? "change-me-now";
const created = await tessera.createUser({ email, password, role: "admin" });
if (!created.ok) throw new Error(`could not create the demo admin: ${created.message}`);

const handler = createFetchHandler(tessera, { refreshCookie: { secure: env("COOKIE_SECURE") !== "false" } });

// Bun passes its Server as the second argument, Deno a ServeHandlerInfo.
type BunServer = { requestIP(request: Request): { address: string } | null };
type DenoInfo = { remoteAddr: { hostname: string } };

function clientAddress(request: Request, second: unknown): string | null {
  if (typeof second !== "object" || second === null) return null;
  if ("requestIP" in second) return (second as BunServer).requestIP(request)?.address ?? null;
  if ("remoteAddr" in second) return (second as DenoInfo).remoteAddr.hostname;
  return null;
}

/** The module's fetch entry, as `deno serve` and `bun run` expect. */
export default {
  fetch(request: Request, second?: unknown): Promise<Response> {
    return handler(request, { clientAddress: clientAddress(request, second) });
  },
};
