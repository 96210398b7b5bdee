import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { assertErrorEnvelope, assertRefusal } from "./envelope.ts";
import { base64url, rsaPublicJwk, signHmac, signingInput, signRs256 } from "./forge-jwt.ts";
import { type AttackContext, assertTokenRefused, withHeader } from "./attack-target.ts";

/** One named attack on access tokens and its expected refusal. */
export interface JwtAttack {
  readonly name: string;
  run(context: AttackContext): Promise<void>;
}

const unsigned = (header: Record<string, unknown>, payload: Record<string, unknown>) => `${signingInput(header, payload)}.`;

/** Every attack the issue lists, plus the neighbours of each; a control case proves the forging is right. */
export const jwtAttacks: readonly JwtAttack[] = [
  {
    name: "control: the issued token, and the same claims re-signed with the server's key, are accepted (so every refusal below is the check at work)",
    async run(c) {
      assert.equal((await c.me(c.pair.access_token)).status, 200);
      assert.equal((await c.me(c.resign(c.header, c.payload))).status, 200);
    },
  },
  {
    name: "alg none, with the signature removed or kept, in any spelling, is refused",
    async run(c) {
      for (const alg of ["none", "None", "NONE", "nOnE"]) {
        assertTokenRefused(await c.me(unsigned({ ...c.header, alg }, c.payload)));
        assertTokenRefused(await c.me(withHeader(c.pair.access_token, { ...c.header, alg })));
      }
    },
  },
  {
    name: "alg switched to HS384 or HS512 and signed with the server's own key is refused",
    async run(c) {
      assertTokenRefused(await c.me(signHmac({ ...c.header, alg: "HS384" }, c.payload, c.key, "sha384")));
      assertTokenRefused(await c.me(signHmac({ ...c.header, alg: "HS512" }, c.payload, c.key, "sha512")));
    },
  },
  {
    name: "alg switched to RS256 and signed with the attacker's RSA key is refused",
    async run(c) {
      assertTokenRefused(await c.me(signRs256({ ...c.header, alg: "RS256" }, c.payload)));
    },
  },
  {
    name: "an embedded jwk, jku or x5u header naming the attacker's key is refused",
    async run(c) {
      assertTokenRefused(await c.me(signRs256({ ...c.header, alg: "RS256", jwk: rsaPublicJwk() }, c.payload)));
      assertTokenRefused(await c.me(c.resign({ ...c.header, jku: "https://attacker.example/jwks.json" }, c.payload)));
      assertTokenRefused(await c.me(c.resign({ ...c.header, x5u: "https://attacker.example/cert.pem" }, c.payload)));
      assertTokenRefused(await c.me(c.resign({ ...c.header, crit: ["exp"] }, c.payload)));
    },
  },
  {
    name: "an unknown kid, or none at all, is refused",
    async run(c) {
      assertTokenRefused(await c.me(c.resign({ ...c.header, kid: "unknown-kid" }, c.payload)));
      const { kid: _, ...noKid } = c.header;
      assertTokenRefused(await c.me(c.resign(noKid, c.payload)));
      assertTokenRefused(await c.me(c.resign({ ...c.header, kid: 7 }, c.payload)));
    },
  },
  {
    name: "a path-like or injected kid (../../etc/passwd, /dev/null, SQL, NUL) is refused without a 5xx",
    async run(c) {
      for (const kid of ["../../../../etc/passwd", "/dev/null", "..\\..\\windows\\win.ini", "' OR '1'='1", "x\u0000", "%2e%2e%2f", "a".repeat(5_000)]) {
        // The attacker signs with a key of their choosing: an empty file's content, the kid itself.
        for (const key of [new Uint8Array(0), new TextEncoder().encode(kid)]) {
          const reply = await c.me(signHmac({ ...c.header, kid }, c.payload, key));
          assertTokenRefused(reply);
        }
      }
    },
  },
  {
    name: "a stripped signature (header.payload. or header.payload) is refused",
    async run(c) {
      const [header, payload] = c.pair.access_token.split(".");
      for (const token of [`${header}.${payload}.`, `${header}.${payload}`, `${header}..`, `.${payload}.${c.signature}`]) assertTokenRefused(await c.me(token));
    },
  },
  {
    name: "an altered signature (one character, zeros, truncated, doubled, padded) is refused",
    async run(c) {
      const [header, payload] = c.pair.access_token.split(".");
      const flip = c.signature.slice(0, 5) + (c.signature[5] === "A" ? "B" : "A") + c.signature.slice(6);
      const zeros = base64url(new Uint8Array(32));
      for (const signature of [flip, zeros, c.signature.slice(0, -2), c.signature + c.signature, `${c.signature}=`, c.signature.toUpperCase()]) {
        assertTokenRefused(await c.me(`${header}.${payload}.${signature}`));
      }
    },
  },
  {
    name: "an altered payload under the original signature (admin role, another user, later exp) is refused",
    async run(c) {
      const header = c.pair.access_token.split(".")[0];
      const exp = Number(c.payload["exp"]);
      for (const change of [{ role: "admin" }, { id: "someone-else", sub: "someone-else" }, { exp: exp + 86_400 }, { extra: 1 }]) {
        assertTokenRefused(await c.me(`${header}.${base64url(JSON.stringify({ ...c.payload, ...change }))}.${c.signature}`));
      }
    },
  },
  {
    name: "an expired token (exp in the past, properly signed) gets 401 TOKEN_EXPIRED",
    async run(c) {
      const now = Number(c.payload["iat"]);
      assertTokenRefused(await c.me(c.resign(c.header, { ...c.payload, iat: now - 3_600, exp: now - 60 })), "TOKEN_EXPIRED");
    },
  },
  {
    name: "a wrong iat or exp (iat in the future, exp before iat, strings, fractions, negatives) is refused",
    async run(c) {
      const now = Number(c.payload["iat"]);
      const bad = [{ iat: now + 3_600, exp: now + 7_200 }, { iat: now, exp: now - 1 }, { iat: now, exp: now }, { exp: String(now + 600) }, { iat: now + 0.5 }, { exp: -1 }, { exp: null }, { iat: undefined }];
      for (const claims of bad) assertTokenRefused(await c.me(c.resign(c.header, { ...c.payload, ...claims })));
    },
  },
  {
    name: "a wrong or missing iss, properly signed, is refused",
    async run(c) {
      for (const iss of ["directus", "", "TESSERA", undefined, 1]) assertTokenRefused(await c.me(c.resign(c.header, { ...c.payload, iss })));
    },
  },
  {
    name: "a token signed with another server's secret under a real kid is refused",
    async run(c) {
      const otherKey = createHmac("sha256", "another-server-secret-0123456789abcdef").update(`tessera-hs256:${c.header["kid"]}`).digest();
      assertTokenRefused(await c.me(signHmac(c.header, c.payload, otherKey)));
    },
  },
  {
    name: "a properly signed token naming a session that does not exist, or sub differing from id, is refused",
    async run(c) {
      assertTokenRefused(await c.me(c.resign(c.header, { ...c.payload, sid: "no-such-session" })));
      assertTokenRefused(await c.me(c.resign(c.header, { ...c.payload, sub: "someone-else" })));
    },
  },
  {
    name: "a role raised to admin in a properly signed token does not open the admin routes (the role is read from the user)",
    async run(c) {
      const reply = await c.target.call("GET", "/users", { token: c.resign(c.header, { ...c.payload, role: "admin" }) });
      assertRefusal(reply, 403, "FORBIDDEN");
    },
  },
  {
    name: "a refresh token sent where an access token is expected (Authorization, ?access_token=, session cookie) is refused",
    async run(c) {
      assertTokenRefused(await c.me(c.pair.refresh_token));
      assertTokenRefused(await c.target.call("GET", `/users/me?access_token=${c.pair.refresh_token}`));
      assertTokenRefused(await c.target.call("GET", "/users/me", { headers: { cookie: `tessera_session_token=${c.pair.refresh_token}` } }));
      assert.equal((await c.target.call("POST", "/auth/refresh", { body: { refresh_token: c.pair.refresh_token } })).status, 200, "the refresh token was not spent by those attempts");
    },
  },
  {
    name: "an access token or a static token sent as refresh_token is refused by /auth/refresh and ends nothing at /auth/logout",
    async run(c) {
      const staticToken = JSON.parse((await c.target.call("POST", "/users/me/token", { token: c.pair.access_token })).text).data.token as string;
      for (const token of [c.pair.access_token, staticToken]) {
        assertRefusal(await c.target.call("POST", "/auth/refresh", { body: { refresh_token: token } }), 401, "INVALID_CREDENTIALS");
        // Logout answers 204 to a token it does not know, as Directus does: it must end no session for it.
        assert.equal((await c.target.call("POST", "/auth/logout", { body: { refresh_token: token } })).status, 204);
        assertRefusal(await c.target.call("POST", "/auth/refresh", { headers: { cookie: `tessera_refresh_token=${token}` } }), 401, "INVALID_CREDENTIALS");
      }
      assert.equal((await c.me(c.pair.access_token)).status, 200, "the session was not ended by those attempts");
      assert.equal((await c.me(staticToken)).status, 200, "the static token still works where it belongs");
    },
  },
  {
    name: "a static token with a valid checksum but unknown, or a mistyped one, is refused",
    async run(c) {
      const staticToken = JSON.parse((await c.target.call("POST", "/users/me/token", { token: c.pair.access_token })).text).data.token as string;
      assertTokenRefused(await c.me(staticToken.slice(0, -1) + (staticToken.endsWith("a") ? "b" : "a")));
      assertTokenRefused(await c.me(`${staticToken}x`));
      assertTokenRefused(await c.me(`tsk_${c.pair.access_token}`));
    },
  },
  {
    name: "a 100 kB token is refused with a 4xx in every place a token goes, never a 5xx",
    async run(c) {
      const huge = `${c.pair.access_token.split(".")[0]}.${"A".repeat(100_000)}.${c.signature}`;
      const bearer = await c.me(huge);
      // A socket server may refuse a 100 kB header itself (431) before the handler; the handler refuses it with 401.
      if (bearer.status !== 431) assertTokenRefused(bearer);
      const refresh = await c.target.call("POST", "/auth/refresh", { body: { refresh_token: "A".repeat(100_000) } });
      assert.ok([400, 413].includes(refresh.status), `refresh: ${refresh.status}`);
      assertErrorEnvelope(refresh);
      const query = await c.target.call("GET", `/users/me?access_token=${"A".repeat(100_000)}`);
      assert.ok(query.status >= 400 && query.status < 500, `query: ${query.status}`);
      if (query.status === 401) assertTokenRefused(query);
    },
  },
];
