import assert from "node:assert/strict";
import { test } from "node:test";
import { loopbackRequest } from "../reliability/support/loopback-client.ts";
import { buildFuzzPool } from "./support/fuzz-pool.ts";
import { fuzzRequestArbitrary } from "./support/http-arbitraries.ts";
import { startReferenceStand } from "./support/reference-stand.ts";
import { fuzzRuns, runFuzz } from "./support/run-fuzz.ts";

const bunMethods = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PROPFIND", "M-SEARCH", "LINK"]);

test("500 fuzzed requests over a socket to the reference server: never a 5xx or a hang, and it still serves afterwards", async () => {
  const stand = await startReferenceStand();
  try {
    await stand.createUser({ email: "witness@example.com", password: "witness-password" });
    const pool = await buildFuzzPool(
      {
        login: (email, password) => stand.login(email, password),
        staticToken: async (token) => JSON.parse((await stand.call("POST", "/users/me/token", { token })).text).data.token,
        sessionIds: async (token) => JSON.parse((await stand.call("GET", "/auth/sessions", { token })).text).data.map((s: { id: string }) => s.id),
      },
      [stand.admin, stand.ada],
    );
    const report = await runFuzz(
      "reference server",
      // Header values stay under Bun's 16 KiB header limit; bodies go well past the server's 16 KiB body limit.
      fuzzRequestArbitrary(pool, { maxHeaderChars: 6_000, maxBodyChars: 100_000 }),
      // node:http sends any method as given, and a body even with GET, as a hostile client may.
      async (request) => {
        try {
          return await loopbackRequest(stand.url + request.path, {
            method: request.method,
            headers: Object.fromEntries(request.headers),
            ...(request.body.bytes === null ? {} : { raw: request.body.bytes }),
            timeoutMs: 10_000,
          });
        } catch (error) {
          // Bun.serve's parser closes the connection, without an answer, on a method it does not know ("FOO", "a");
          // that happens before Tessera's handler and is counted apart. Anything else is a failure.
          if (!bunMethods.has(request.method.toUpperCase()) && /socket hang up|ECONNRESET/.test(String(error))) return null;
          throw error;
        }
      },
      { runs: fuzzRuns(500), timeoutMs: 12_000, bodilessHead: true },
    );
    assert.ok(report.cases >= 500);
    // Over a socket the runtime's own parser may close a malformed request first; most cases must still reach Tessera.
    assert.ok(report.handled >= report.cases * 0.8, `only ${report.handled} of ${report.cases} cases reached the handler`);
    // The fuzzer's logins came from 127.0.0.1; the witness logs in from another address, so rate limiting cannot mask a broken server.
    const pair = await stand.login("witness@example.com", "witness-password", "127.0.0.44");
    assert.equal((await stand.call("GET", "/users/me", { token: pair.access_token })).status, 200);
    assert.doesNotMatch(stand.server.output(), /"level":"error"/, "the server logged no unexpected fault");
  } finally {
    await stand.stop();
  }
});
