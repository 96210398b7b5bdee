import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "../http/spawn-server.ts";
import type { LoopbackReply } from "../reliability/support/loopback-client.ts";
import { startReferenceStand } from "./support/reference-stand.ts";
import { derivedSigningKey, findLeaks, type Haystack, keyEncodings, type Needle } from "./support/secret-search.ts";
import { dumpSqlite } from "./support/sqlite-dump.ts";

test("after a full scenario, no token, password or signing key appears in a log line, a CLI error, an error body or a database column", async () => {
  const stand = await startReferenceStand();
  const needles: Needle[] = [];
  const haystacks: Haystack[] = [];
  const password = (label: string, value: string) => needles.push({ label: `password ${label}`, value });
  const token = (label: string, value: string) => needles.push({ label: `token ${label}`, value });
  const answers: LoopbackReply[] = [];
  let first = { access_token: "", refresh_token: "" };
  const call = async (...args: Parameters<typeof stand.call>) => {
    const reply = await stand.call(...args);
    answers.push(reply);
    return reply;
  };
  const pairOf = (reply: LoopbackReply, label: string) => {
    assert.equal(reply.status, 200, `${label}: ${reply.text}`);
    const data = JSON.parse(reply.text).data;
    for (const name of ["access_token", "refresh_token"]) if (data[name] !== undefined) token(`${label} ${name}`, data[name]);
    for (const cookie of reply.headers.get("set-cookie")?.split(/,(?=\s*\w+=)/) ?? []) {
      const value = /^\s*\w+=([^;]+)/.exec(cookie)?.[1];
      if (value !== undefined && value.length > 8) token(`${label} cookie`, value);
    }
    return data as { access_token: string; refresh_token: string };
  };
  try {
    password("admin", stand.admin.password);
    password("ada", stand.ada.password);
    const login = (email: string, secret: string, mode?: string) => call("POST", "/auth/login", { body: { email, password: secret, ...(mode === undefined ? {} : { mode }) } });
    first = pairOf(await login(stand.ada.email, stand.ada.password), "ada login");
    const second = pairOf(await call("POST", "/auth/refresh", { body: { refresh_token: first.refresh_token } }), "refresh");
    pairOf(await call("POST", "/auth/refresh", { body: { refresh_token: first.refresh_token } }), "retry within grace");
    pairOf(await call("POST", "/auth/refresh", { body: { refresh_token: second.refresh_token } }), "second refresh");
    assert.equal((await call("POST", "/auth/refresh", { body: { refresh_token: first.refresh_token } })).status, 401, "reuse is detected");

    const pair = pairOf(await login(stand.ada.email, stand.ada.password), "ada login 2");
    for (let i = 0; i < 2; i++) {
      const generated = await call("POST", "/users/me/token", { token: pair.access_token });
      token(`static ${i}`, JSON.parse(generated.text).data.token);
      assert.equal((await call("GET", "/users/me", { token: JSON.parse(generated.text).data.token })).status, 200);
    }
    await call("GET", `/users/me?access_token=${pair.access_token}`);
    await call("GET", "/users/me", { token: `${pair.access_token}x` });
    password("wrong guess", "wrong-guess-Zq81x");
    assert.equal((await login(stand.ada.email, "wrong-guess-Zq81x")).status, 401);
    password("in malformed JSON", "malformed-json-Pw77");
    assert.equal((await call("POST", "/auth/login", { headers: { "content-type": "application/json" }, raw: new TextEncoder().encode('{"email":"ada@example.com","password":"malformed-json-Pw77"') })).status, 400);
    password("in a text/plain body", "text-plain-Pw5512");
    assert.equal((await call("POST", "/auth/login", { headers: { "content-type": "text/plain" }, raw: new TextEncoder().encode('{"password":"text-plain-Pw5512"}') })).status, 415);
    password("too long", "too-long-Pw".padEnd(2_000, "q"));
    await login(stand.ada.email, "too-long-Pw".padEnd(2_000, "q"));

    password("ada's new", "ada-new-password-Lm3");
    assert.equal((await call("PATCH", "/users/me", { token: pair.access_token, body: { password: "ada-new-password-Lm3" } })).status, 200);
    pairOf(await login(stand.ada.email, "ada-new-password-Lm3", "cookie"), "cookie login");
    const session = pairOf(await login(stand.ada.email, "ada-new-password-Lm3", "session"), "session login");
    const last = pairOf(await login(stand.ada.email, "ada-new-password-Lm3"), "ada login 3");
    assert.equal((await call("POST", "/auth/logout", { body: { refresh_token: last.refresh_token } })).status, 204);
    void session;

    // The CLI on the same database: its errors are searched; the static token it prints once on purpose is a needle elsewhere.
    password("carol", "carol-password-Tt90");
    haystacks.push({ label: "CLI user add", text: JSON.stringify(runCli(stand.env, "user", "add", "carol@example.com", "--password", "carol-password-Tt90")) });
    password("duplicate add", "duplicate-Pw-0091");
    const taken = runCli(stand.env, "user", "add", "carol@example.com", "--password", "duplicate-Pw-0091");
    assert.equal(taken.code, 1);
    haystacks.push({ label: "CLI error (taken email)", text: taken.stdout + taken.stderr });
    password("carol's new", "carol-new-Pw-3321");
    haystacks.push({ label: "CLI set-password", text: JSON.stringify(runCli(stand.env, "user", "set-password", "carol@example.com", "--password", "carol-new-Pw-3321")) });
    const issued = runCli(stand.env, "token", "issue", "carol@example.com");
    token("CLI static", issued.stdout.trim());
    haystacks.push({ label: "CLI token issue stderr", text: issued.stderr });
    const rotated = runCli(stand.env, "keys", "rotate");
    haystacks.push({ label: "CLI keys rotate", text: rotated.stdout + rotated.stderr });
    haystacks.push({ label: "CLI keys list", text: JSON.stringify(runCli(stand.env, "keys", "list")) });
    haystacks.push({ label: "CLI sessions list", text: JSON.stringify(runCli(stand.env, "sessions", "list", "ada@example.com")) });
    const unknownUser = runCli(stand.env, "user", "set-password", "nobody@example.com", "--password", "duplicate-Pw-0091");
    haystacks.push({ label: "CLI error (unknown user)", text: unknownUser.stdout + unknownUser.stderr });
  } finally {
    await stand.stop();
  }

  needles.push({ label: "SECRET", value: stand.secret }, ...keyEncodings("SECRET bytes", new TextEncoder().encode(stand.secret)));
  const dbPath = join(stand.dir, "tessera.db");
  const columns = dumpSqlite(dbPath);
  const kids = columns.filter((column) => column.label.startsWith("database signing_keys.kid")).map((column) => column.text);
  assert.ok(kids.length >= 2, "the CLI rotation added a second key");
  for (const kid of kids) needles.push(...keyEncodings(`signing key ${kid}`, derivedSigningKey(stand.secret, kid)));

  haystacks.push({ label: "server output (request log, banner, errors)", text: stand.server.output() });
  for (const [index, reply] of answers.entries()) if (reply.status >= 400) haystacks.push({ label: `error body ${index} (${reply.status})`, text: reply.text });
  haystacks.push(...columns);
  for (const file of readdirSync(stand.dir).filter((name) => name.startsWith("tessera.db"))) haystacks.push({ label: `raw file ${file}`, text: readFileSync(join(stand.dir, file)).toString("latin1") });

  // The search has teeth: the refresh token's SHA-256 is in the dump, so the rows were really read.
  const firstHash = createHash("sha256").update(first.refresh_token).digest("base64url");
  assert.ok(columns.some((column) => column.label.startsWith("database refresh_tokens.hash") && column.text === firstHash));
  assert.ok(needles.length > 40, `searched for ${needles.length} secrets`);
  assert.ok(stand.server.output().split("\n").filter((line) => line.startsWith("{")).length > 20, "the request log was on");
  console.log(`[secrets] ${needles.length} secrets searched in ${haystacks.length} places`);
  assert.deepEqual(findLeaks(needles, haystacks), []);
});
