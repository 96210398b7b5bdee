import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { tempDataDir } from "./spawn-server.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => join(root, "node_modules", ".bin", name);

/** True while any process of the group led by `pid` is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Spawns an example from the repository root and waits for the first http:// URL it prints. The example runs in a
 * process group of its own, and the whole group is stopped: `node_modules/.bin/deno` is a Node launcher, and a
 * signal to the launcher alone left the Deno process serving after the test.
 */
async function withExample(command: string, args: string[], env: Record<string, string>, body: (url: string) => Promise<void>): Promise<void> {
  const child = spawn(command, args, { cwd: root, env: { PATH: process.env["PATH"] ?? "", HOME: tmpdir(), NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const pid = child.pid as number;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/[A-Za-z0-9.:[\]]+)/.exec(output);
        if (match !== null) resolve((match[1] as string).replace("localhost", "127.0.0.1"));
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      void exited.then(() => reject(new Error(`example exited before listening:\n${output}`)));
    });
    await body(url);
  } finally {
    if (groupAlive(pid)) process.kill(-pid, "SIGTERM");
    await exited;
    for (let waited = 0; groupAlive(pid) && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(groupAlive(pid), false, `${args.join(" ")} left a process running after SIGTERM`);
}

async function loginAndMe(url: string): Promise<void> {
  const login = await fetch(`${url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "demo@example.com", password: "demo-password" }) });
  assert.equal(login.status, 200);
  const { data } = await login.json();
  const me = await fetch(`${url}/users/me`, { headers: { authorization: `Bearer ${data.access_token}` } });
  assert.equal((await me.json()).data.email, "demo@example.com");
}

const demo = { ADMIN_EMAIL: "demo@example.com", ADMIN_PASSWORD: "demo-password" };

test("examples/worker serves its default export under bun run", () =>
  withExample(bin("bun"), ["run", "examples/worker/worker.ts"], { ...demo, PORT: "0" }, loginAndMe));

test("examples/worker serves its default export under deno serve", () =>
  withExample(bin("deno"), ["serve", "-A", "--host", "127.0.0.1", "--port", "0", "examples/worker/worker.ts"], demo, loginAndMe));

test("examples/deno serves Tessera with Deno.serve on SQLite", () => {
  const dir = tempDataDir("tessera-deno-example-");
  return withExample(bin("deno"), ["run", "-A", "examples/deno/main.ts"], { ...demo, PORT: "0", DATABASE_URL: `sqlite:${join(dir, "t.db")}` }, loginAndMe);
});
