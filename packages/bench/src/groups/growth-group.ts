import { createBenchKit } from "../fixtures/bench-kit.ts";
import { createBenchOperations } from "../fixtures/bench-operations.ts";
import { benchStores } from "../fixtures/bench-stores.ts";
import { seedSessions } from "../fixtures/seed-sessions.ts";
import { compare } from "../harness/compare.ts";
import { currentRuntime, nativeCryptoPorts } from "../runtime.ts";
import type { GroupOptions } from "./group-options.ts";
import type { GroupResult, NamedFigure, NamedRatio, Unavailable } from "./group-result.ts";

const label = (sessions: number) => (sessions >= 1_000_000 ? `${sessions / 1_000_000}M` : sessions >= 1000 ? `${sessions / 1000}k` : String(sessions));

const figureName = (op: string, store: string, sessions: number) => `${op} @ ${store}, ${label(sessions)} sessions`;

/**
 * Verify (session binding) and rotation with few and with many sessions
 * stored, on the memory store, SQLite (synchronous=NORMAL) and PostgreSQL.
 * The same store is grown from the smaller size to the larger one, so both
 * figures come from one database and one process; the growth ratio is
 * (rate with few) / (rate with many): 1.0 means no slow-down.
 *
 * @example
 * const result = await runGrowthGroup({ ...options, growthSizes: [1000, 1_000_000] });
 */
export async function runGrowthGroup(options: GroupOptions): Promise<GroupResult> {
  const [crypto] = await nativeCryptoPorts();
  if (crypto === undefined) throw new Error("no native crypto port on this runtime");
  const sizes = [...options.growthSizes].sort((a, b) => a - b);
  const { stores, unavailable: missing } = await benchStores(options.workDir, options.pgUrl, "growth");
  const figures: NamedFigure[] = [];
  const ratios: NamedRatio[] = [];
  const unavailable: Unavailable[] = missing.map((m) => ({ name: `growth ${m.name}`, why: m.why }));
  const notes: string[] = [];
  for (const bench of stores.filter((s) => s.name !== "sqlite FULL")) {
    const opened = await bench.open();
    try {
      let stored = 0;
      for (const size of sizes) {
        const started = performance.now();
        await seedSessions(opened, size - stored);
        stored = size;
        notes.push(`growth ${bench.name}: seeded to ${label(size)} sessions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        // A fresh kit per size: its login and chain are the newest rows, as on a live server.
        const ops = await createBenchOperations(await createBenchKit({ crypto: crypto.crypto, store: opened.store, users: opened.users }));
        const verify = figureName("verify access (session)", bench.name, size);
        const rotate = figureName("rotate refresh", bench.name, size);
        const comparison = await compare([{ name: verify, operation: ops.verifyAccess }, { name: rotate, operation: ops.rotate }], options.measure);
        figures.push({ name: verify, detail: bench.detail, ...comparison.figure(verify) }, { name: rotate, detail: bench.detail, ...comparison.figure(rotate) });
      }
      const small = sizes[0] as number;
      const large = sizes[sizes.length - 1] as number;
      const rate = (name: string) => figures.find((f) => f.name === name)?.opsPerSec ?? Number.NaN;
      for (const op of ["verify access (session)", "rotate refresh"]) {
        const of = figureName(op, bench.name, small);
        const to = figureName(op, bench.name, large);
        ratios.push({ name: `growth ${op.split(" ")[0]} @ ${bench.name} (${label(small)} / ${label(large)})`, of, to, value: rate(of) / rate(to) });
      }
    } finally {
      await opened.close();
    }
  }
  return { group: "growth", runtime: currentRuntime(), figures, ratios, unavailable, notes };
}
