// Growth benchmark (not a test): session look-up, rotateRefreshToken and the
// whole tessera.refresh() on bun:sqlite (WAL, synchronous=NORMAL), with 1,000
// and 1,000,000 sessions stored. Look-ups hit primary keys and rotations touch
// a handful of B-tree pages, so cost should grow with log(n) at most: the
// 1M/1k ratio should stay <= 1.5.
//
//   bun packages/store-kysely/bench/growth.ts [--rounds=N] [--ops=N] [--baseline=DIR] [--seed-cache=DIR] [sizes...]
//
// Every size is measured in the same process, round after round, and so is a
// baseline store when --baseline names a copy of this package's src directory
// inside the repository, so that its imports resolve (dist/ is ignored by git):
//   git archive --prefix=dist/baseline/ HEAD src | tar -x -C packages/store-kysely
//   bun packages/store-kysely/bench/growth.ts --baseline=packages/store-kysely/dist/baseline/src
// on a shared, noisy machine only same-round comparisons mean much. Ratios are
// medians of same-round ratios. CPU time (user + system, all threads) is shown
// beside wall time: wall time also counts the waits for a loaded CPU and disk.
import { createHash, createHmac } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CryptoPort, Rotation } from "@tessera/core";
import { createManualClock, createTestKit } from "@tessera/core/testing";
import type { KyselyStore } from "@tessera/store-kysely";
import { seedSessions, type Seeded } from "./seed-sessions.ts";

const options = new Map(process.argv.slice(2).filter((a) => a.startsWith("--")).map((a) => a.slice(2).split("=") as [string, string]));
const sizes = process.argv.slice(2).filter((a) => !a.startsWith("--")).map(Number);
const rounds = Number(options.get("rounds") ?? 5);
const operations = Number(options.get("ops") ?? 4000);
const baseline = options.get("baseline");
const seedCache = options.get("seed-cache");
const t0 = 1_767_225_600_000;
const ttl = 7 * 86_400_000;

type OpenStore = (url: string) => Promise<KyselyStore>;
const stores: Array<{ name: string; open: OpenStore }> = [{ name: "current", open: (await import("@tessera/store-kysely")).openStore }];
if (baseline !== undefined) stores.push({ name: "baseline", open: (await import(resolve(baseline, "index.ts"))).openStore as OpenStore });

// node:crypto, as the Bun and Node servers plug in: synchronous SHA-256 and HMAC.
const crypto: CryptoPort = {
  sha256: (data) => new Uint8Array(createHash("sha256").update(data).digest()),
  hmacSha256: (key, data) => new Uint8Array(createHmac("sha256", key).update(data).digest()),
};
const randomKey = (): string => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Figures {
  lookup: number[];
  rotate: number[];
  refresh: number[];
}
type Kind = keyof Figures;

/** One store on its own copy of a seeded file. Sessions [0, n/2) are rotated by hash alone, [n/2, n) refreshed with their tokens. */
async function openSubject(name: string, open: OpenStore, seeded: Seeded, dir: string) {
  const path = join(dir, `${name}-${seeded.count}.db`);
  copyFileSync(seeded.path, path);
  const store = await open(`sqlite:${path}`);
  const kit = createTestKit({ store, users: store, crypto, clock: createManualClock(t0 + 1000), seed: 7 });
  const hashes = [...seeded.hashes];
  const tokens = [...seeded.tokens];
  const wall: Figures = { lookup: [], rotate: [], refresh: [] };
  const cpu: Figures = { lookup: [], rotate: [], refresh: [] };
  const half = Math.floor(seeded.count / 2);
  const pick = (from: number, to: number) => from + Math.floor(Math.random() * (to - from));
  const time = async (kind: Kind, run: () => Promise<void>) => {
    const [begin, cpuBegin] = [performance.now(), process.cpuUsage()];
    await run();
    const used = process.cpuUsage(cpuBegin);
    wall[kind].push(((performance.now() - begin) * 1000) / operations);
    cpu[kind].push((used.user + used.system) / operations);
  };
  const round = async () => {
    const lookups = Array.from({ length: operations }, () => seeded.sessionIds[pick(0, seeded.count)] as string);
    await time("lookup", async () => {
      for (const id of lookups) if ((await store.findSession(id)) === null) throw new Error("lost a session");
    });
    const rotations = Array.from({ length: operations }, (): Rotation => {
      const i = pick(0, half);
      kit.clock.advance(1);
      const at = kit.clock.now();
      const [sessionId, successor] = [seeded.sessionIds[i] as string, randomKey()];
      const presentedHash = hashes[i] as string;
      hashes[i] = successor;
      const record = { hash: successor, sessionId, userId: seeded.userOf(i), state: "live" as const, issuedAt: at, expiresAt: at + ttl, rotatedAt: null, rotationNonce: null, successorHash: null };
      return { presentedHash, sessionId, rotatedAt: at, rotationNonce: randomKey().slice(0, 22), successor: record };
    });
    await time("rotate", async () => {
      for (const rotation of rotations) if (!(await store.rotateRefreshToken(rotation))) throw new Error("a rotation was refused");
    });
    const refreshes = Array.from({ length: operations }, () => pick(half, seeded.count));
    await time("refresh", async () => {
      for (const i of refreshes) {
        kit.clock.advance(1);
        const outcome = await kit.tessera.refresh(tokens[i] as string);
        if (!outcome.ok) throw new Error(`a refresh was refused: ${outcome.reason}`);
        tokens[i] = outcome.value.refreshToken;
      }
    });
  };
  return { name, count: seeded.count, store, wall, cpu, round };
}

const dir = mkdtempSync(join(tmpdir(), "tessera-growth-"));
try {
  const subjects = [];
  for (const count of sizes.length > 0 ? sizes : [1_000, 1_000_000]) {
    // The schema comes from the baseline when there is one: a baseline refuses a file that a newer build has
    // migrated, while the current store migrates its copy of an older file when it opens it.
    const seeded = await seedSessions(dir, count, stores.at(-1)?.open as OpenStore, crypto, seedCache);
    console.log(`seeded ${count.toLocaleString("en-US")} sessions in ${seeded.seconds.toFixed(1)} s`);
    for (const { name, open } of stores) subjects.push(await openSubject(name, open, seeded, dir));
  }
  for (let r = 0; r < rounds; r++) for (const subject of r % 2 === 0 ? subjects : [...subjects].reverse()) await subject.round();

  const us = (values: number[]) => `${median(values).toFixed(1).padStart(6)}`;
  console.log(`\nmedian of ${rounds} rounds of ${operations} operations; µs per operation, wall (cpu)`);
  for (const s of subjects) {
    const refreshPerSecond = Math.round(1e6 / median(s.wall.refresh));
    console.log(
      `${s.name.padEnd(8)} ${s.count.toLocaleString("en-US").padStart(9)} sessions: findSession ${us(s.wall.lookup)} (${us(s.cpu.lookup)}), rotateRefreshToken ${us(s.wall.rotate)} (${us(s.cpu.rotate)}), refresh ${us(s.wall.refresh)} (${us(s.cpu.refresh)}) = ${refreshPerSecond}/s wall, ${Math.round(1e6 / median(s.cpu.refresh))}/s cpu`,
    );
  }
  for (const { name } of stores) {
    const mine = subjects.filter((s) => s.name === name);
    const [small, large] = [mine[0], mine.at(-1)];
    if (small === undefined || large === undefined || small === large) continue;
    const ratio = (kind: Kind, figures: "wall" | "cpu") => median(large[figures][kind].map((value, i) => value / (small[figures][kind][i] as number))).toFixed(2);
    const line = (figures: "wall" | "cpu") => `findSession ${ratio("lookup", figures)}, rotateRefreshToken ${ratio("rotate", figures)}, refresh ${ratio("refresh", figures)}`;
    console.log(`${name.padEnd(8)} ratio ${large.count.toLocaleString("en-US")}/${small.count.toLocaleString("en-US")} (target <= 1.5): wall ${line("wall")}; cpu ${line("cpu")}`);
  }
  if (stores.length > 1) {
    for (const current of subjects.filter((s) => s.name === "current")) {
      const base = subjects.find((s) => s.name === "baseline" && s.count === current.count);
      if (base === undefined) continue;
      const speedup = (kind: Kind) => median(base.wall[kind].map((value, i) => value / (current.wall[kind][i] as number))).toFixed(2);
      console.log(`baseline/current at ${current.count.toLocaleString("en-US")} (wall, > 1 is faster now): findSession ${speedup("lookup")}, rotateRefreshToken ${speedup("rotate")}, refresh ${speedup("refresh")}`);
    }
  }
  for (const s of subjects) await s.store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
