import assert from "node:assert/strict";
import { test } from "node:test";
import { createBroadcastLock } from "./broadcast-lock.ts";
import { createProcessLock, type RefreshLock } from "./refresh-lock.ts";

// Deno 2.9 breaks BroadcastChannel for the rest of a process once every channel in it has been
// closed ("TypeError: expected i32" on postMessage). Browsers and the other runtimes do not, and
// Deno's client default is Web Locks; this channel, open for the whole file, keeps Deno's working.
const keepDenoChannelsAlive = new BroadcastChannel("tessera-test-keep-alive");
(keepDenoChannelsAlive as { unref?: () => void }).unref?.();

/** Runs one task per lock at the same instant and records how many were inside at once. */
async function contend(locks: readonly RefreshLock[]) {
  let inside = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    locks.map((lock, index) =>
      lock.run(async () => {
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(index);
        inside -= 1;
      }),
    ),
  );
  return { most, order };
}

test("tabs contending for a BroadcastChannel lock hold it one at a time, and all of them get it", async () => {
  const name = `tessera-test-${Math.random()}`;
  const tabs = [1, 2, 3].map(() => createBroadcastLock(name, { claimWindowMs: 30, leaseMs: 5_000 }));
  const { most, order } = await contend(tabs);
  assert.equal(most, 1);
  assert.deepEqual([...order].sort(), [0, 1, 2]);
});

test("without coordination the same tasks overlap (the contention test can fail)", async () => {
  const { most } = await contend([createProcessLock(), createProcessLock(), createProcessLock()]);
  assert.equal(most, 3);
});

test("a task's failure releases the BroadcastChannel lock for the next tab", async () => {
  const name = `tessera-test-${Math.random()}`;
  const [a, b] = [createBroadcastLock(name, { claimWindowMs: 30 }), createBroadcastLock(name, { claimWindowMs: 30 })];
  await assert.rejects(a.run(async () => Promise.reject(new Error("refresh failed"))), /refresh failed/);
  assert.equal(await b.run(async () => "held"), "held");
});
