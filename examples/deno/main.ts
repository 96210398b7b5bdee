// Tessera on Deno.serve: `deno run -A examples/deno/main.ts`.
// SQLite through node:sqlite (DATABASE_URL, default sqlite:./data/tessera-deno.db),
// crypto through hash-wasm (Deno's node:crypto HMAC costs 10-16 µs a call, this one 5),
// argon2id passwords. SECRET (32+ chars) keeps tokens valid across restarts;
// without it a per-process key is drawn.
import { createKeyring, createTessera, encodeUtf8, generateHmacKey, type HmacKey } from "@tessera/core";
import { systemClock, webRandom } from "@tessera/core/platform";
import { createWasmCrypto } from "@tessera/core/wasm-crypto";
import { createFetchHandler } from "@tessera/fetch";
import { createArgon2Hasher, deriveSigningKey } from "@tessera/node";
import { openStore } from "@tessera/store-kysely";

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(
    options: { port: number; hostname: string; onListen(address: { hostname: string; port: number }): void },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>,
  ): { shutdown(): Promise<void> };
  addSignalListener(signal: "SIGINT" | "SIGTERM", listener: () => void): void;
  exit(code: number): never;
};

const secret = Deno.env.get("SECRET");
// With SECRET, the key is derived as the reference server derives its keys, so every instance given it signs alike.
const signingKey: HmacKey = secret === undefined ? generateHmacKey(webRandom) : deriveSigningKey(encodeUtf8(secret), "deno-1");

const store = await openStore(Deno.env.get("DATABASE_URL") ?? "sqlite:./data/tessera-deno.db");
const tessera = createTessera({
  clock: systemClock,
  random: webRandom,
  crypto: await createWasmCrypto(),
  store,
  users: store,
  rateLimiter: store,
  passwords: createArgon2Hasher(),
  keys: createKeyring(signingKey),
});

if ((await tessera.listUsers()).length === 0) {
  const email = Deno.env.get("ADMIN_EMAIL") ?? "admin@example.com";
  const created = await tessera.createUser({ email, password: Deno.env.get("ADMIN_PASSWORD") ?? "change-me-now", role: "admin" });
  // Two instances starting together on a fresh database both saw no users; the one that lost the insert carries on.
  if (created.ok) console.log(`Created ${email}`);
  else if (created.reason !== "email_taken") throw new Error(created.message);
}

const handler = createFetchHandler(tessera, { ping: () => store.ping() });
const server = Deno.serve(
  {
    port: Number(Deno.env.get("PORT") ?? 8055),
    hostname: Deno.env.get("HOST") ?? "127.0.0.1",
    onListen: ({ hostname, port }) => console.log(`Tessera (Deno) listening on http://${hostname}:${port}`),
  },
  (request, info) => handler(request, { clientAddress: info.remoteAddr.hostname }),
);

const stop = async () => {
  await server.shutdown();
  await store.close();
  Deno.exit(0);
};
Deno.addSignalListener("SIGINT", stop);
Deno.addSignalListener("SIGTERM", stop);
