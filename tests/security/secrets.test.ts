import assert from "node:assert/strict";
import { test } from "node:test";
import type { MemoryStore } from "@tessera/core/testing";
import type { Reply } from "./support/envelope.ts";
import { createStand, standPasswords } from "./support/in-process-stand.ts";
import { findLeaks, type Haystack, keyEncodings, type Needle } from "./support/secret-search.ts";

test("after a full scenario in-process, no token, password or key appears in the event stream, an error body, a fault or the store", async () => {
  const stand = await createStand();
  const needles: Needle[] = [
    { label: "password admin", value: standPasswords.admin },
    { label: "password ada", value: standPasswords.ada },
    ...keyEncodings("signing key", stand.kit.keyring.signing.secret),
  ];
  const replies: Reply[] = [];
  const call = async (...args: Parameters<typeof stand.call>) => {
    const reply = await stand.call(...args);
    replies.push(reply);
    return reply;
  };
  const pair = async (reply: Reply, label: string) => {
    assert.equal(reply.status, 200, reply.text);
    const data = JSON.parse(reply.text).data;
    needles.push({ label: `${label} access`, value: data.access_token }, { label: `${label} refresh`, value: data.refresh_token });
    return data as { access_token: string; refresh_token: string };
  };
  const login = (password: string) => call("POST", "/auth/login", { body: { email: "ada@example.com", password } });
  const first = await pair(await login(standPasswords.ada), "login");
  const second = await pair(await call("POST", "/auth/refresh", { body: { refresh_token: first.refresh_token } }), "refresh");
  await pair(await call("POST", "/auth/refresh", { body: { refresh_token: first.refresh_token } }), "retry");
  await pair(await call("POST", "/auth/refresh", { body: { refresh_token: second.refresh_token } }), "refresh 2");
  assert.equal((await call("POST", "/auth/refresh", { body: { refresh_token: first.refresh_token } })).status, 401);
  const next = await pair(await login(standPasswords.ada), "login 2");
  const generated = JSON.parse((await call("POST", "/users/me/token", { token: next.access_token })).text).data.token;
  needles.push({ label: "static token", value: generated });
  await call("GET", "/users/me", { token: generated });
  await call("GET", "/users/me", { token: `${generated.slice(0, -1)}Z` });
  await call("GET", "/users/me", { token: `${next.access_token}x` });
  needles.push({ label: "password wrong guess", value: "wrong-guess-Zq81x" }, { label: "password malformed", value: "malformed-json-Pw77" }, { label: "password new", value: "ada-new-password-Lm3" });
  await login("wrong-guess-Zq81x");
  await call("POST", "/auth/login", { raw: '{"email":"ada@example.com","password":"malformed-json-Pw77"', headers: { "content-type": "application/json" } });
  await call("POST", "/auth/login", { raw: '{"password":"malformed-json-Pw77"}', headers: { "content-type": "text/plain" } });
  await call("PATCH", "/users/me", { token: next.access_token, body: { password: "ada-new-password-Lm3" } });
  const last = await pair(await login("ada-new-password-Lm3"), "login 3");
  await call("POST", "/auth/logout", { body: { refresh_token: last.refresh_token } });
  await call("POST", "/auth/logout", { body: { refresh_token: last.refresh_token, scope: "nonsense" } });

  const haystacks: Haystack[] = [
    { label: "event stream", text: JSON.stringify(stand.kit.events) },
    { label: "faults", text: stand.faults.map(String).join("\n") },
    { label: "store", text: JSON.stringify((stand.kit.store as MemoryStore).snapshot()) },
    ...replies.filter((reply) => reply.status >= 400).map((reply, index) => ({ label: `error body ${index} (${reply.status})`, text: reply.text })),
  ];
  assert.ok(stand.kit.events.some((event) => event.type === "refresh_token_reused"), "the scenario reached reuse detection");
  assert.ok(haystacks.length > 8);
  assert.deepEqual(findLeaks(needles, haystacks), []);
});
