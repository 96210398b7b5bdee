// Every reason code the core can give is reached here by a scenario that
// produces it; the Record type makes a new reason without a scenario a
// compile error, and the last test checks the list at run time too.
import assert from "node:assert/strict";
import { test } from "node:test";
import { encodeAccessToken } from "./jwt/encode-jwt.ts";
import { generateHmacKey } from "./jwt/keyring.ts";
import { requireRole } from "./decisions/require-role.ts";
import { type Failure, type Outcome, type Reason, reasons } from "./outcome.ts";
import { createScenario, createSeededRandom } from "./testing/index.ts";
import { encodeBase64url } from "./util/base64url.ts";
import { encodeUtf8 } from "./util/utf8.ts";

const refused = <T>(outcome: Outcome<T>): Failure => {
  if (outcome.ok) throw new Error("expected a refusal");
  return outcome;
};

const scenarios: Record<Reason, () => Promise<Failure>> = {
  wrong_credentials: async () => {
    const s = await createScenario();
    return refused(await s.tessera.login({ email: "ada@example.com", password: "nope" }));
  },
  user_suspended: async () => {
    const s = await createScenario();
    await s.tessera.updateUser(s.user.id, { status: "suspended" });
    return refused(await s.tessera.login({ email: "ada@example.com", password: s.password }));
  },
  unknown: async () => {
    const s = await createScenario();
    return refused(await s.tessera.refresh("A".repeat(43)));
  },
  expired: async () => {
    const s = await createScenario({ policy: { refreshTokenTtl: "1h" } });
    const pair = await s.loginOrThrow();
    s.clock.advance(3_600_000);
    return refused(await s.tessera.refresh(pair.refreshToken));
  },
  revoked: async () => {
    const s = await createScenario();
    const pair = await s.loginOrThrow();
    await s.tessera.logout(pair.refreshToken);
    return refused(await s.tessera.refresh(pair.refreshToken));
  },
  reused: async () => {
    const s = await createScenario();
    const pair = await s.loginOrThrow();
    await s.tessera.refresh(pair.refreshToken);
    s.clock.advance(60_000);
    return refused(await s.tessera.refresh(pair.refreshToken));
  },
  session_expired: async () => {
    const s = await createScenario({ policy: { sessionMaxAge: "1h", accessTokenTtl: "2h" } });
    const pair = await s.loginOrThrow();
    s.clock.advance(3_600_000);
    return refused(await s.tessera.authenticate(pair.accessToken));
  },
  malformed: async () => {
    const s = await createScenario();
    return refused(await s.tessera.authenticate("not-a-jwt"));
  },
  bad_signature: async () => {
    const s = await createScenario();
    const pair = await s.loginOrThrow();
    return refused(await s.tessera.authenticate(`${pair.accessToken.slice(0, -4)}AAAA`));
  },
  unknown_kid: async () => {
    const s = await createScenario();
    const foreign = generateHmacKey(createSeededRandom(777));
    const now = Math.floor(s.clock.now() / 1000);
    const token = await encodeAccessToken({ id: s.user.id, role: "user", sub: s.user.id, sid: "x", iat: now, exp: now + 60, iss: "tessera" }, foreign, s.crypto);
    return refused(await s.tessera.authenticate(token));
  },
  wrong_algorithm: async () => {
    const s = await createScenario();
    const pair = await s.loginOrThrow();
    const header = encodeBase64url(encodeUtf8(JSON.stringify({ alg: "none", typ: "JWT", kid: s.keyring.signing.kid })));
    return refused(await s.tessera.authenticate(`${header}.${pair.accessToken.split(".")[1]}.`));
  },
  bad_claims: async () => {
    const s = await createScenario();
    const now = Math.floor(s.clock.now() / 1000);
    const token = await encodeAccessToken({ id: s.user.id, role: "user", sub: s.user.id, sid: "x", iat: now, exp: now + 60, iss: "someone-else" }, s.keyring.signing, s.crypto);
    return refused(await s.tessera.authenticate(token));
  },
  bad_checksum: async () => {
    const s = await createScenario();
    return refused(await s.tessera.authenticate(`tsk_${"A".repeat(38)}`));
  },
  user_inactive: async () => {
    const s = await createScenario();
    const pair = await s.loginOrThrow();
    await s.users.updateUser(s.user.id, { status: "suspended" });
    return refused(await s.tessera.authenticate(pair.accessToken));
  },
  rate_limited: async () => {
    const s = await createScenario({ policy: { loginFailuresPerAccountAndAddress: 1 } });
    await s.tessera.login({ email: "ada@example.com", password: "nope", ip: "192.0.2.1" });
    return refused(await s.tessera.login({ email: "ada@example.com", password: s.password, ip: "192.0.2.1" }));
  },
  not_found: async () => {
    const s = await createScenario();
    return refused(await s.tessera.revokeSession(s.user.id, "no-such-session"));
  },
  forbidden: async () => {
    const s = await createScenario();
    const pair = await s.loginOrThrow();
    const principal = await s.tessera.authenticate(pair.accessToken);
    if (!principal.ok) throw new Error("login token refused");
    return refused(requireRole(principal.value));
  },
  invalid_input: async () => {
    const s = await createScenario();
    return refused(await s.tessera.createUser({ email: "not an email", password: "pw" }));
  },
  email_taken: async () => {
    const s = await createScenario();
    return refused(await s.tessera.createUser({ email: "ADA@example.com", password: "pw" }));
  },
};

for (const reason of reasons) {
  test(`reason ${reason} is reached`, async () => {
    const failure = await scenarios[reason]();
    assert.equal(failure.reason, reason);
    assert.ok(failure.message.length > 0);
  });
}

test("every reason in the list has a scenario", () => {
  assert.deepEqual(Object.keys(scenarios).sort(), [...reasons].sort());
});
