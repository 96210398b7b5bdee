// The soak test: `npm run test:long` (not part of `npm test`). Mixed load on the
// reference server over loopback for TESSERA_SOAK_SECONDS (default 60), then the
// request counts, 5xx, hung requests and the server's RSS are printed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import process from "node:process";
import { test } from "node:test";
import { startReferenceStand } from "../security/support/reference-stand.ts";
import { createTally, runSoakWorker } from "./support/soak-worker.ts";

const seconds = Number(process.env["TESSERA_SOAK_SECONDS"] ?? 60);
const workers = 8;

/** The resident set size of a process in KiB, from /proc (Linux). */
function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (match === null) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

test(`soak: ${seconds} s of mixed load on the reference server, zero 5xx and zero hung requests, RSS reported`, { timeout: (seconds + 90) * 1000 }, async () => {
  assert.ok(Number.isFinite(seconds) && seconds > 0 && seconds <= 600, "TESSERA_SOAK_SECONDS is 1 to 600");
  const stand = await startReferenceStand();
  const pid = stand.server.child.pid as number;
  try {
    const users = [];
    for (let i = 0; i < workers; i++) {
      const user = { email: `soak-${i}@example.com`, password: `soak-password-${i}` };
      await stand.createUser(user);
      users.push(user);
    }
    const tally = createTally();
    const rss = { start: rssKiB(pid), max: 0, end: 0 };
    rss.max = rss.start;
    const sampler = setInterval(() => (rss.max = Math.max(rss.max, rssKiB(pid))), 1_000);
    const started = Date.now();
    try {
      await Promise.all(users.map((user, i) => runSoakWorker(stand.url, user, `127.0.0.${60 + i}`, started + seconds * 1000, tally)));
    } finally {
      clearInterval(sampler);
    }
    const elapsed = (Date.now() - started) / 1000;
    rss.end = rssKiB(pid);
    const total = [...tally.byKind.values()].reduce((a, b) => a + b, 0);
    const kinds = [...tally.byKind].sort().map(([kind, count]) => `${kind} ${count}`).join(", ");
    console.log(`[soak] ${total} requests in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(0)}/s) from ${workers} clients: ${kinds}`);
    console.log(`[soak] 5xx: ${tally.serverErrors}, hung: ${tally.hung}, unexpected answers: ${tally.unexpected}, 429: ${tally.rateLimited}`);
    console.log(`[soak] server RSS: start ${mib(rss.start)}, end ${mib(rss.end)}, max ${mib(rss.max)}, growth ${mib(rss.end - rss.start)}`);
    for (const sample of tally.samples) console.log(`[soak] sample: ${sample}`);
    assert.equal(tally.serverErrors, 0, "no 5xx");
    assert.equal(tally.hung, 0, "no hung request");
    assert.equal(tally.unexpected, 0, "no answer that breaks the contract");
    assert.ok(total > workers * 10, "the load ran");
    const after = await stand.login(stand.ada.email, stand.ada.password, "127.0.0.99");
    assert.equal((await stand.call("GET", "/users/me", { token: after.access_token })).status, 200, "the server still serves after the soak");
  } finally {
    await stand.stop();
  }
});
