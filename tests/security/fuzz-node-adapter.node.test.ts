import assert from "node:assert/strict";
import { createServer, METHODS } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { toNodeListener } from "@tessera/node";
import { loopbackRequest } from "../reliability/support/loopback-client.ts";
import { buildFuzzPool } from "./support/fuzz-pool.ts";
import { fuzzRequestArbitrary } from "./support/http-arbitraries.ts";
import { createStand, standPasswords } from "./support/in-process-stand.ts";
import { fuzzRuns, runFuzz } from "./support/run-fuzz.ts";

test("500 fuzzed requests over a socket to the node:http adapter: never a 5xx or a hang, and it still serves afterwards", async () => {
  const stand = await createStand({ policy: { loginAttemptsPerAddress: 1_000_000 } });
  const witness = await stand.kit.tessera.createUser({ email: "witness@example.com", password: "witness-password" });
  assert.ok(witness.ok);
  const server = createServer(toNodeListener(stand.handler));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const pool = await buildFuzzPool(
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
    const report = await runFuzz(
      "node:http adapter",
      fuzzRequestArbitrary(pool, { maxHeaderChars: 6_000, maxBodyChars: 100_000 }),
      async (request) => {
        const reply = await loopbackRequest(url + request.path, {
          method: request.method,
          headers: Object.fromEntries(request.headers),
          ...(request.body.bytes === null ? {} : { raw: request.body.bytes }),
          timeoutMs: 10_000,
        });
        // node:http's parser answers a bare 400 to a method it does not know, before the adapter runs.
        if (!METHODS.includes(request.method) && reply.status === 400 && reply.text === "") return null;
        return reply;
      },
      { runs: fuzzRuns(500), timeoutMs: 12_000, bodilessHead: true },
    );
    assert.ok(report.cases >= 500);
    // Over a socket the runtime's own parser may close a malformed request first; most cases must still reach Tessera.
    assert.ok(report.handled >= report.cases * 0.8, `only ${report.handled} of ${report.cases} cases reached the handler`);
    assert.deepEqual(stand.faults, []);
    const login = await loopbackRequest(`${url}/auth/login`, { method: "POST", body: { email: "witness@example.com", password: "witness-password" } });
    assert.equal(login.status, 200, login.text);
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
});
