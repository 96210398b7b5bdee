import type { Tessera } from "@tessera/core";
import { createWebCrypto } from "@tessera/core/platform";
import { createBenchKit } from "../fixtures/bench-kit.ts";
import { createReferenceVerifiers } from "../fixtures/reference-verifiers.ts";
import { type Contender, compare } from "../harness/compare.ts";
import type { MeasureOptions } from "../harness/measure.ts";
import { currentRuntime, syncCryptoPorts } from "../runtime.ts";
import type { GroupResult, NamedRatio } from "./group-result.ts";

async function acceptedBy(name: string, verify: () => unknown): Promise<void> {
  const result = await verify();
  const refused = result === null || (typeof result === "object" && (result as { ok?: unknown }).ok === false);
  if (refused) throw new Error(`${name} refused the shared token, so its figure would be meaningless`);
}

const tesseraVerify = (tessera: Tessera, token: string) => async () => {
  const outcome = await tessera.verifyAccessToken(token);
  return outcome.ok ? outcome : null;
};

/**
 * Verifying one access token, on the current runtime: Tessera stateless with
 * each synchronous crypto port and with WebCrypto, Tessera in session binding
 * (memory store), jose, jsonwebtoken and a hand-written HS256 floor, all on the
 * same Tessera-issued token and the same secret, measured in interleaved rounds.
 *
 * @example
 * const result = await runVerifyGroup({ warmupMs: 200, samples: 7, sampleMs: 100 });
 */
export async function runVerifyGroup(options: MeasureOptions): Promise<GroupResult> {
  const ports = await syncCryptoPorts();
  const primary = ports[0];
  if (primary === undefined) throw new Error("no synchronous crypto port on this runtime");
  // The session kit issues the one token that every contender verifies (the stateless kits share its key
  // and need no session); it uses the runtime's first port: Bun's hashers on Bun, hash-wasm on Deno, node:crypto on Node.
  const sessionKit = await createBenchKit({ crypto: primary.crypto });
  const token = (await sessionKit.login()).accessToken;
  const references = await createReferenceVerifiers();

  const contenders: Contender[] = [];
  for (const port of ports) {
    const kit = await createBenchKit({ crypto: port.crypto, policy: { accessBinding: "stateless" } });
    contenders.push({ name: `tessera stateless (${port.name})`, operation: tesseraVerify(kit.tessera, token) });
  }
  const webKit = await createBenchKit({ crypto: createWebCrypto(), policy: { accessBinding: "stateless" } });
  contenders.push({ name: "tessera stateless (WebCrypto)", operation: tesseraVerify(webKit.tessera, token) });
  const sessionName = `tessera session (${primary.name})`;
  contenders.push({ name: sessionName, operation: tesseraVerify(sessionKit.tessera, token) });
  contenders.push(
    { name: "jose jwtVerify (CryptoKey)", operation: () => references.joseCryptoKey(token) },
    { name: "jose jwtVerify (Uint8Array)", operation: () => references.joseBytes(token) },
    { name: "jsonwebtoken verify (string secret)", operation: () => references.jsonwebtoken(token) },
    { name: "hand-written HS256 (node:crypto)", operation: () => references.handWritten(token) },
  );
  for (const contender of contenders) await acceptedBy(contender.name, contender.operation);

  const comparison = await compare(contenders, options);
  const rate = (name: string) => comparison.figures.get(name)?.opsPerSec ?? 0;
  const jose = rate("jose jwtVerify (CryptoKey)") >= rate("jose jwtVerify (Uint8Array)") ? "jose jwtVerify (CryptoKey)" : "jose jwtVerify (Uint8Array)";
  const statelessNames = ports.map((port) => `tessera stateless (${port.name})`);
  const fastest = statelessNames.reduce((best, name) => (rate(name) > rate(best) ? name : best));
  const ratio = (name: string, of: string, to: string): NamedRatio => ({ name, of, to, value: comparison.ratio(of, to) });
  const ratios: NamedRatio[] = [
    ratio("stateless (fastest port) / jose", fastest, jose),
    ratio("stateless (fastest port) / jsonwebtoken", fastest, "jsonwebtoken verify (string secret)"),
    ratio("session (first port) / jose", sessionName, jose),
    ratio("session (first port) / jsonwebtoken", sessionName, "jsonwebtoken verify (string secret)"),
    ratio("stateless (WebCrypto) / jose", "tessera stateless (WebCrypto)", jose),
    ratio("stateless (fastest port) / hand-written floor", fastest, "hand-written HS256 (node:crypto)"),
  ];
  const stateless = (port: string) => `tessera stateless (${port})`;
  if (primary.name === "Bun.CryptoHasher") ratios.push(ratio("Bun.CryptoHasher / node:crypto (stateless)", stateless("Bun.CryptoHasher"), stateless("node:crypto")));
  ratios.push(ratio("hash-wasm / node:crypto (stateless)", stateless("hash-wasm"), stateless("node:crypto")));
  return {
    group: "verify",
    runtime: currentRuntime(),
    figures: contenders.map((c) => ({ name: c.name, ...comparison.figure(c.name) })),
    ratios,
    unavailable: [],
    notes: [
      `fastest port for stateless verify here: ${fastest}`,
      "the hand-written floor runs on node:crypto's HMAC; where another port is faster (hash-wasm on Deno), Tessera can beat it",
      `ratios against ${jose} (the faster jose call)`,
      "token: HS256, issued by Tessera; every verifier checks algorithm, signature, exp and iss",
    ],
  };
}
