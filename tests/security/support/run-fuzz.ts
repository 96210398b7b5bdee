import assert from "node:assert/strict";
import process from "node:process";
import fc from "fast-check";
import { assertErrorEnvelope, type Reply } from "./envelope.ts";
import type { FuzzRequest } from "./http-arbitraries.ts";

/**
 * Sends one generated request and reads the whole reply; null when the
 * runtime's own HTTP parser refused the request before any handler ran (the
 * sender decides when that is legitimate).
 */
export type FuzzSender = (request: FuzzRequest) => Promise<Reply | null>;

/** What a fuzz run saw. */
export interface FuzzReport {
  readonly cases: number;
  readonly seed: number;
  readonly statuses: ReadonlyMap<number, number>;
  /** Requests the runtime's HTTP parser refused before the handler (connection closed at once). */
  readonly refusedByParser: number;
  /** Cases whose reply came from Tessera (checked by assertWellFormed), not from the runtime's parser. */
  readonly handled: number;
}

/** The number of cases: 2,000 by default (the floor), more with TESSERA_FUZZ_RUNS. */
export function fuzzRuns(fallback: number): number {
  const configured = Number(process.env["TESSERA_FUZZ_RUNS"]);
  return Number.isSafeInteger(configured) && configured > fallback ? configured : fallback;
}

/** A seed from TESSERA_FUZZ_SEED (to replay a failure), else a fresh one. */
export function fuzzSeed(): number {
  const configured = Number(process.env["TESSERA_FUZZ_SEED"]);
  return Number.isSafeInteger(configured) ? configured : Math.floor(Math.random() * 2 ** 31);
}

/** Rejects if the promise has not settled within `ms`: a hung request is a failure, not a wait. */
export function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: no answer within ${ms} ms to ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Describes a request in one short line for a failure message (bodies and tokens cut short). */
export function describeRequest(request: FuzzRequest): string {
  const headers = request.headers.map(([name, value]) => `${name}: ${value.slice(0, 60)}`).join("; ");
  return `${request.method} ${request.path.slice(0, 120)} [${headers}] body=${request.body.kind}(${request.body.bytes?.length ?? "none"} bytes)`;
}

/**
 * Checks one reply against the rule: never a 5xx, the error envelope
 * as JSON on every 4xx, a JSON `data` body on 200, an empty body on 204.
 * `bodiless` is for HEAD over a socket, where no body is sent back.
 */
export function assertWellFormed(request: FuzzRequest, reply: Reply, bodiless: boolean): void {
  const what = describeRequest(request);
  assert.ok(reply.status < 500, `5xx (${reply.status}) for ${what}: ${reply.text.slice(0, 300)}`);
  assert.ok([200, 204].includes(reply.status) || (reply.status >= 400 && reply.status < 500), `unexpected status ${reply.status} for ${what}`);
  if (bodiless) return;
  if (reply.status >= 400) assertErrorEnvelope(reply, what);
  if (reply.status === 204) assert.equal(reply.text, "", `204 with a body for ${what}`);
  const pathname = new URL(`http://fuzz.invalid${request.path}`).pathname; // as the handler sees it
  const route = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname; // one trailing slash is ignored, as by the router
  // GET /server/ping answers "pong" as text, as Directus does; only that route may.
  if (reply.status === 200 && route === "/server/ping") return assert.equal(reply.text, "pong", `ping answered ${reply.text.slice(0, 80)}`);
  if (reply.status === 200) {
    assert.match(reply.headers.get("content-type") ?? "", /^application\/json/, `200 not JSON for ${what}`);
    // /server/health answers {"status", "checks"} as Directus does; every other 200 is the {"data"} envelope.
    const member = route === "/server/health" ? "status" : "data";
    assert.ok(member in (JSON.parse(reply.text) as object), `200 without ${member} for ${what}`);
  }
}

/**
 * Runs `runs` generated requests through `send` with fast-check and asserts
 * each reply; a failure message carries fast-check's seed and path, so
 * `TESSERA_FUZZ_SEED=<seed>` replays it.
 */
export async function runFuzz(label: string, arbitrary: fc.Arbitrary<FuzzRequest>, send: FuzzSender, options: { readonly runs: number; readonly timeoutMs: number; readonly bodilessHead: boolean }): Promise<FuzzReport> {
  const seed = fuzzSeed();
  const statuses = new Map<number, number>();
  let cases = 0;
  let refusedByParser = 0;
  console.log(`[fuzz ${label}] ${options.runs} cases, seed ${seed} (replay with TESSERA_FUZZ_SEED=${seed})`);
  await fc.assert(
    fc.asyncProperty(arbitrary, async (request) => {
      cases++;
      const reply = await withinMs(send(request), options.timeoutMs, describeRequest(request));
      if (reply === null) {
        refusedByParser++;
        return;
      }
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      assertWellFormed(request, reply, options.bodilessHead && request.method.toUpperCase() === "HEAD");
    }),
    { numRuns: options.runs, seed },
  );
  const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(" ");
  const parser = refusedByParser === 0 ? "" : `, ${refusedByParser} closed by the runtime's HTTP parser before the handler`;
  console.log(`[fuzz ${label}] ${cases} cases passed, statuses ${summary}${parser}`);
  return { cases, seed, statuses, refusedByParser, handled: cases - refusedByParser };
}
