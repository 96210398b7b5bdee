import { createBenchKit } from "../fixtures/bench-kit.ts";
import { createBenchOperations } from "../fixtures/bench-operations.ts";
import { type BenchStore, benchStores, type OpenedStore } from "../fixtures/bench-stores.ts";
import { seedSessions } from "../fixtures/seed-sessions.ts";
import { type Contender, compare } from "../harness/compare.ts";
import { currentRuntime, type NamedCrypto, syncCryptoPorts } from "../runtime.ts";
import type { GroupOptions } from "./group-options.ts";
import type { GroupResult, NamedFigure, NamedRatio, Unavailable } from "./group-result.ts";

const label = (sessions: number) => (sessions >= 1_000_000 ? `${sessions / 1_000_000}M` : sessions >= 1000 ? `${sessions / 1000}k` : String(sessions));
const figureName = (op: string, store: string, sessions: number) => `${op} @ ${store}, ${label(sessions)} sessions`;

async function seeded(opened: OpenedStore, bench: BenchStore, sessions: number, crypto: NamedCrypto, notes: string[]) {
  const started = performance.now();
  await seedSessions(opened, sessions);
  notes.push(`growth ${bench.name}: seeded ${label(sessions)} sessions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The kit's own login and refresh chain are the newest rows, as on a live server.
  const ops = await createBenchOperations(await createBenchKit({ crypto: crypto.crypto, store: opened.store, users: opened.users }));
  return { ops };
}

/**
 * Verify (session binding) and rotation with few and with many sessions
 * stored, on the memory store, SQLite (synchronous=NORMAL) and PostgreSQL: two
 * stores of each kind, one seeded small and one large, measured in
 * interleaved rounds, so the growth ratio (rate with few) / (rate with many)
 * compares samples taken moments apart. 1.0 means no slow-down.
 *
 * @example
 * const result = await runGrowthGroup({ ...options, growthSizes: [1000, 1_000_000] });
 */
export async function runGrowthGroup(options: GroupOptions): Promise<GroupResult> {
  const [crypto] = await syncCryptoPorts();
  if (crypto === undefined) throw new Error("no synchronous crypto port on this runtime");
  const [small, large] = [...options.growthSizes].sort((a, b) => a - b) as [number, number];
  const smallStores = await benchStores(options.workDir, options.pgUrl, "growth-small");
  const largeStores = await benchStores(options.workDir, options.pgUrlLarge, "growth-large");
  const figures: NamedFigure[] = [];
  const ratios: NamedRatio[] = [];
  const unavailable: Unavailable[] = largeStores.unavailable.map((m) => ({ name: `growth ${m.name}`, why: m.why }));
  const notes: string[] = [];
  for (const bench of smallStores.stores.filter((s) => s.name !== "sqlite FULL")) {
    const twin = largeStores.stores.find((s) => s.name === bench.name);
    if (twin === undefined) continue;
    const opened: OpenedStore[] = [];
    try {
      // A store that cannot be opened (no database) is unavailable; a failure after that is a fault and throws.
      try {
        opened.push(await bench.open());
        opened.push(await twin.open());
      } catch (error) {
        unavailable.push({ name: `growth ${bench.name}`, why: error instanceof Error ? error.message : String(error) });
        continue;
      }
      const few = await seeded(opened[0] as OpenedStore, bench, small, crypto, notes);
      const many = await seeded(opened[1] as OpenedStore, twin, large, crypto, notes);
      const contenders: Contender[] = [
        { name: figureName("verify access (session)", bench.name, small), operation: few.ops.verifyAccess },
        { name: figureName("verify access (session)", bench.name, large), operation: many.ops.verifyAccess },
        { name: figureName("rotate refresh", bench.name, small), operation: few.ops.rotate },
        { name: figureName("rotate refresh", bench.name, large), operation: many.ops.rotate },
      ];
      const comparison = await compare(contenders, options.measure);
      for (const c of contenders) figures.push({ name: c.name, detail: bench.detail, ...comparison.figure(c.name) });
      for (const op of ["verify access (session)", "rotate refresh"]) {
        const of = figureName(op, bench.name, small);
        const to = figureName(op, bench.name, large);
        ratios.push({ name: `growth ${op.split(" ")[0]} @ ${bench.name} (${label(small)} / ${label(large)})`, of, to, value: comparison.ratio(of, to) });
      }
    } finally {
      for (const store of opened) await store.close();
    }
  }
  return { group: "growth", runtime: currentRuntime(), figures, ratios, unavailable, notes };
}
