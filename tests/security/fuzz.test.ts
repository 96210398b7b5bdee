import assert from "node:assert/strict";
import { test } from "node:test";
import { readReply } from "./support/envelope.ts";
import { buildFuzzPool } from "./support/fuzz-pool.ts";
import { type FuzzRequest, fuzzRequestArbitrary } from "./support/http-arbitraries.ts";
import { createStand, standPasswords, type Stand } from "./support/in-process-stand.ts";
import { fuzzRuns, runFuzz } from "./support/run-fuzz.ts";

/** The fetch handler sees exactly what a runtime adapter would hand it. */
function toRequest(request: FuzzRequest): Request {
  const headers = new Headers();
  for (const [name, value] of request.headers) headers.append(name, value);
  const hasBody = request.body.bytes !== null && !["GET", "HEAD"].includes(request.method.toUpperCase());
  return new Request(`http://127.0.0.1${request.path}`, { method: request.method, headers, ...(hasBody ? { body: request.body.bytes as Uint8Array<ArrayBuffer> } : {}) });
}

async function poolFor(stand: Stand) {
  return buildFuzzPool(
    {
      login: (email, password) => stand.login(email, password),
      staticToken: async (token) => JSON.parse((await stand.call("POST", "/users/me/token", { token })).text).data.token,
      sessionIds: async (token) => JSON.parse((await stand.call("GET", "/auth/sessions", { token })).text).data.map((s: { id: string }) => s.id),
    },
    [
      { id: stand.adminId, email: "admin@example.com", password: standPasswords.admin },
      { id: stand.adaId, email: "ada@example.com", password: standPasswords.ada },
    ],
  );
}

test("2,000 fuzzed requests to the fetch handler: never a 5xx, always the error envelope, and it still serves afterwards", async () => {
  const stand = await createStand({ policy: { loginAttemptsPerAddress: 1_000_000 } });
  // A user the fuzzer knows nothing of (not its id, email or password): its login afterwards proves the server still serves.
  const witness = await stand.kit.tessera.createUser({ email: "witness@example.com", password: "witness-password" });
  assert.ok(witness.ok);
  const pool = await poolFor(stand);
  const addresses = ["198.51.100.7", "198.51.100.8", "2001:db8::1"];
  let sent = 0;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const report = await runFuzz(
    "fetch handler",
    fuzzRequestArbitrary(pool, { maxHeaderChars: 100_000, maxBodyChars: 100_000 }),
    async (request) => readReply(await stand.handler(toRequest(request), { clientAddress: addresses[sent++ % addresses.length] ?? null })),
    { runs: fuzzRuns(2_000), timeoutMs: 10_000, bodilessHead: false },
  );
  // In process nothing stands between the request and the handler: every case must have been checked.
  assert.equal(report.handled, report.cases, `${report.cases - report.handled} cases were not answered by the handler`);
  assert.ok(report.cases >= 2_000, `ran ${report.cases} cases`);
  assert.deepEqual(stand.faults, [], "the handler reported no unexpected fault");
  assert.equal(({} as Record<string, unknown>)["role"], undefined, "no body polluted Object.prototype");
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeBefore, "no body added anything to Object.prototype");
  const login = await stand.call("POST", "/auth/login", { body: { email: "witness@example.com", password: "witness-password" }, clientAddress: "192.0.2.200" });
  assert.equal(login.status, 200, login.text);
  const me = await stand.call("GET", "/users/me", { token: JSON.parse(login.text).data.access_token });
  assert.equal(me.status, 200);
});
