import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { runCli, runServerToExit, serverEnv, spawnServer, tempDataDir } from "./spawn-server.ts";

const json = { "content-type": "application/json" };
const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: json, body: JSON.stringify(body) });

test("npm start's server prints its URL and a way to log in, and the curl flow of DESIGN.md works", async () => {
  const dir = tempDataDir();
  const server = await spawnServer(serverEnv(dir, { ADMIN_EMAIL: "root@example.com", ADMIN_PASSWORD: "root-password" }));
  try {
    assert.match(server.output(), /Log in: curl .*\/auth\/login/);
    assert.doesNotMatch(server.output(), /root-password/);
    const login = await (await post(`${server.url}/auth/login`, { email: "root@example.com", password: "root-password" })).json();
    const me = await fetch(`${server.url}/users/me`, { headers: { authorization: `Bearer ${login.data.access_token}` } });
    assert.equal((await me.json()).data.role, "admin");
    const refreshed = await post(`${server.url}/auth/refresh`, { refresh_token: login.data.refresh_token });
    assert.equal(refreshed.status, 200);
    const next = (await refreshed.json()).data;
    const staticToken = await fetch(`${server.url}/users/me/token`, { method: "POST", headers: { authorization: `Bearer ${next.access_token}` } });
    const token = (await staticToken.json()).data.token;
    assert.equal((await fetch(`${server.url}/users/me`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    assert.equal((await post(`${server.url}/auth/logout`, { refresh_token: next.refresh_token })).status, 204);
    assert.equal((await fetch(`${server.url}/users/me`, { headers: { authorization: `Bearer ${next.access_token}` } })).status, 401);
    const health = await (await fetch(`${server.url}/server/health`)).json();
    assert.deepEqual(health, { status: "ok", checks: { database: "reachable" } });
    const logLines = server.output().split("\n").filter((line) => line.startsWith("{"));
    assert.ok(logLines.some((line) => JSON.parse(line).path === "/auth/login"));
    for (const secret of [login.data.access_token, login.data.refresh_token, token, "root-password"]) assert.ok(!server.output().includes(secret));
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});

test("the first run generates an admin password and prints it once; the secret file is 0600 and a restart logs nobody out", async () => {
  const dir = tempDataDir();
  const first = await spawnServer(serverEnv(dir));
  assert.match(first.output(), /password was generated/);
  const password = /Log in: curl .*"password":"([^"]+)"/.exec(first.output())?.[1];
  assert.ok(password && password !== "<password>");
  assert.equal(first.output().split(password).length - 1, 1, "the generated password is printed exactly once");
  const login = await (await post(`${first.url}/auth/login`, { email: "admin@example.com", password })).json();
  first.child.kill("SIGTERM");
  assert.equal(await first.exited, 0);
  assert.match(first.output(), /SIGTERM: stopping[\s\S]*stopped/);
  assert.equal(statSync(join(dir, "secret")).mode & 0o777, 0o600);
  const second = await spawnServer(serverEnv(dir));
  try {
    assert.doesNotMatch(second.output(), /password was generated/);
    assert.ok(!second.output().includes(password));
    assert.equal((await fetch(`${second.url}/users/me`, { headers: { authorization: `Bearer ${login.data.access_token}` } })).status, 200);
  } finally {
    second.child.kill("SIGINT");
    assert.equal(await second.exited, 0);
  }
});

test("an invalid configuration value stops the start with a message naming it", () => {
  const dir = tempDataDir();
  for (const [name, value] of [["ACCESS_TOKEN_TTL", "soon"], ["PORT", "http"], ["REFRESH_TOKEN_COOKIE_SAME_SITE", "sometimes"], ["SECRET", "short"], ["TESSERA_STATIC_DIR", join(dir, "no-such-dir")]] as const) {
    const result = runServerToExit(serverEnv(dir, { [name]: value }));
    assert.equal(result.code, 1, name);
    assert.match(result.stderr, new RegExp(`configuration error: .*${name}`), name);
  }
  const postgres = runServerToExit(serverEnv(dir, { DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" }));
  assert.equal(postgres.code, 1);
  assert.match(postgres.stderr, /SECRET is required with PostgreSQL/);
});

test("the CLI manages users, tokens and keys on the server's database with clear exit codes", async () => {
  const dir = tempDataDir();
  const env = serverEnv(dir, { ADMIN_PASSWORD: "admin-password" });
  assert.equal(runCli(env, "user", "add", "ada@example.com", "--password", "ada-password").code, 0);
  assert.equal(runCli(env, "user", "add", "ada@example.com", "--password", "x").code, 1);
  assert.equal(runCli(env, "user", "suspend", "nobody@example.com").code, 1);
  assert.equal(runCli(env, "frobnicate").code, 2);
  assert.equal(runCli({ ...env, REFRESH_TOKEN_TTL: "never" }, "user", "list").code, 2);
  // A server-only setting that does not hold where the CLI runs (a relative static directory) does not stop it.
  assert.equal(runCli({ ...env, TESSERA_STATIC_DIR: join(dir, "no-such-dir") }, "user", "list").code, 0);
  const issued = runCli(env, "token", "issue", "ada@example.com");
  assert.equal(issued.code, 0);
  const staticToken = issued.stdout.trim();
  assert.match(staticToken, /^tsk_/);
  const server = await spawnServer(env);
  try {
    const login = await (await post(`${server.url}/auth/login`, { email: "ada@example.com", password: "ada-password" })).json();
    assert.equal((await fetch(`${server.url}/users/me`, { headers: { authorization: `Bearer ${staticToken}` } })).status, 200);
    assert.match(runCli(env, "sessions", "list", "ada@example.com").stdout, /ip=127\.0\.0\.1/);
    assert.equal(runCli(env, "user", "suspend", "ada@example.com").code, 0);
    assert.equal((await post(`${server.url}/auth/login`, { email: "ada@example.com", password: "ada-password" })).status, 401);
    assert.equal((await fetch(`${server.url}/users/me`, { headers: { authorization: `Bearer ${staticToken}` } })).status, 401);
    assert.equal((await fetch(`${server.url}/users/me`, { headers: { authorization: `Bearer ${login.data.access_token}` } })).status, 401);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});

const kidOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[0] as string, "base64url").toString()).kid as string;

test("a key rotation by the CLI reaches running servers without a restart; tokens of the retired key keep working", async () => {
  const dir = tempDataDir();
  const env = serverEnv(dir, { ADMIN_PASSWORD: "admin-password" });
  const polling = await spawnServer({ ...env, TESSERA_KEY_RELOAD_INTERVAL: "100ms" });
  // The second instance never reloads on its timer: only an unknown kid makes it look.
  const lazy = await spawnServer({ ...env, TESSERA_KEY_RELOAD_INTERVAL: "1h" });
  try {
    const credentials = { email: "admin@example.com", password: "admin-password" };
    const before = (await (await post(`${polling.url}/auth/login`, credentials)).json()).data.access_token as string;
    assert.equal(runCli(env, "keys", "rotate").code, 0);
    let after = before;
    for (let attempt = 0; attempt < 100 && kidOf(after) === kidOf(before); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = (await (await post(`${polling.url}/auth/login`, credentials)).json()).data.access_token;
    }
    assert.notEqual(kidOf(after), kidOf(before), "the polling server signs with the new key");
    assert.equal((await fetch(`${polling.url}/users/me`, { headers: { authorization: `Bearer ${before}` } })).status, 200);
    assert.equal((await fetch(`${lazy.url}/users/me`, { headers: { authorization: `Bearer ${after}` } })).status, 200);
  } finally {
    for (const server of [polling, lazy]) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }
});

test("SIGTERM lets an in-flight request finish before the server exits", async () => {
  const server = await spawnServer(serverEnv(tempDataDir(), { ADMIN_PASSWORD: "admin-password" }));
  const encoder = new TextEncoder();
  let finish: () => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('{"email":"admin@example.com",'));
      finish = () => {
        controller.enqueue(encoder.encode('"password":"admin-password"}'));
        controller.close();
      };
    },
  });
  const pending = fetch(`${server.url}/auth/login`, { method: "POST", headers: json, body, duplex: "half" } as RequestInit);
  await new Promise((resolve) => setTimeout(resolve, 200));
  server.child.kill("SIGTERM");
  while (!server.output().includes("SIGTERM: stopping")) await new Promise((resolve) => setTimeout(resolve, 20));
  finish();
  const response = await pending;
  assert.equal(response.status, 200);
  assert.equal(typeof (await response.json()).data.access_token, "string");
  assert.equal(await server.exited, 0);
  assert.match(server.output(), /stopped/);
});
