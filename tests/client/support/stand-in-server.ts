// A stand-in for the reference server, used by the client tests until `npm start`
// serves HTTP: the same fetch handler on Bun.serve, the real clock, a CSPRNG, an
// in-memory store, and the same environment variables the tests pass.
//   TESSERA_ACCESS_TTL, TESSERA_REUSE_GRACE   durations ("2s", "0s")
//   TESSERA_ADMIN_EMAIL, TESSERA_ADMIN_PASSWORD   the first user
//   TESSERA_STATIC_DIR   serve this directory's files on GET for paths no route takes
// It prints one line, "listening on <url>", once it accepts connections.
import { createKeyring, createTessera, generateHmacKey } from "@tessera/core";
import { systemClock, webRandom } from "@tessera/core/platform";
import { createMemoryStore, createMemoryUserDirectory } from "@tessera/core/testing";
import { createBunCrypto, createBunPasswordHasher, serve } from "@tessera/bun";
import { createFetchHandler } from "@tessera/fetch";
import { join, normalize } from "node:path";

const env = process.env;
const tessera = createTessera({
  clock: systemClock,
  random: webRandom,
  crypto: createBunCrypto(),
  store: createMemoryStore(),
  users: createMemoryUserDirectory(),
  passwords: createBunPasswordHasher(),
  keys: createKeyring(generateHmacKey(webRandom)),
  policy: { accessTokenTtl: env["TESSERA_ACCESS_TTL"] ?? "15m", reuseGrace: env["TESSERA_REUSE_GRACE"] ?? "10s" },
});
const created = await tessera.createUser({ email: env["TESSERA_ADMIN_EMAIL"] ?? "admin@example.com", password: env["TESSERA_ADMIN_PASSWORD"] ?? "admin-password", role: "admin" });
if (!created.ok) throw new Error(`could not create the first user: ${created.message}`);

// Secure cookies are accepted by browsers on http://localhost and 127.0.0.1, which is all the tests use.
const api = createFetchHandler(tessera, { onError: (error) => console.error(error) });
const staticDir = env["TESSERA_STATIC_DIR"];

async function handler(request: Request, info?: { clientAddress?: string | null }): Promise<Response> {
  const response = await api(request, info);
  if (staticDir === undefined || request.method !== "GET" || response.status !== 404) return response;
  const path = new URL(request.url).pathname;
  const file = Bun.file(join(staticDir, normalize(path === "/" ? "/index.html" : path)));
  return (await file.exists()) ? new Response(file) : response;
}

const server = serve(handler, { port: 0, hostname: "127.0.0.1" });
console.log(`listening on http://127.0.0.1:${server.port}`);
