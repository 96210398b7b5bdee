import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

// A static review, not a timing measurement: it proves that the sources compare
// secrets through constantTimeEqual and that no plain ===/!== on a secret-named
// value slips in. It cannot prove what a dependency does inside (argon2 verify,
// the database's index look-up by SHA-256 hash); see the allowances below.
const root = fileURLToPath(new URL("../..", import.meta.url));
// The server side. packages/client compares its own stored tokens (no attacker times it); packages/bench is not shipped.
const packages = ["core", "fetch", "node", "bun", "store-kysely"];

function sources(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "dist") sources(path, found);
    else if (entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) found.push(path);
  }
  return found;
}

const allFiles = packages.flatMap((name) => sources(join(root, "packages", name, "src"))).concat(sources(join(root, "packages", "core", "platform")));
const secretName = /signature|secret|digest|hmac|\bmac\b|hash|password|nonce|checksum|expected/i;
const comparison = /[!=]==?(?!>)/;
const harmless = /[!=]==?\s*(?:null|undefined|true|false)\b|[!=]==?\s*-?\d|[!=]==?\s*["'`]|typeof |\.length\s*[!=]==?|[!=]==?\s*[\w.]*\.length\b|\.(?:status|state|alg|kind|code|reason|kid)\s*[!=]==/;

/** Lines that compare something named like a secret with a plain operator. */
function suspiciousComparisons(): string[] {
  const hits: string[] = [];
  for (const file of allFiles) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, index) => {
      const code = line.replace(/\/\/.*$/, "").replace(/^\s*\*.*$/, "");
      if (comparison.test(code) && secretName.test(code) && !harmless.test(code)) hits.push(`${relative(root, file)}:${index + 1}: ${code.trim()}`);
    });
  }
  return hits;
}

// Each allowance says why a plain comparison is safe there.
const allowed: ReadonlyArray<{ readonly file: string; readonly pattern: RegExp; readonly why: string }> = [
  { file: "packages/fetch/src/match-route.ts", pattern: /expected !== actual/, why: "compares a route's path segment with the request's: no secret" },
  { file: "packages/core/src/tokens/static-token.ts", pattern: /=== encodeChecksum\(body\)/, why: "the CRC-32 is a public function of the presented token's own body: timing it reveals nothing the sender does not know" },
  {
    file: "packages/store-kysely/src/store/row-mappers.ts",
    pattern: /family\.(?:current|previous)_hash === row\.hash/,
    why: "two SHA-256 hashes read from the database: the token row's (found by its key) against its session's live and last-spent token; whether the token is live or rotated is what the refresh's answer tells the sender anyway",
  },
];

test("every secret comparison (JWT signature, successor hash, test password hash) goes through constantTimeEqual", () => {
  const mustUse: ReadonlyArray<readonly [string, RegExp]> = [
    ["packages/core/src/jwt/decode-jwt.ts", /constantTimeEqual\(signatureBuffer, expected\)/],
    ["packages/core/src/service/refresh.ts", /constantTimeEqual\(encodeUtf8\(successorHash\), encodeUtf8\(verdict\.successorHash\)\)/],
    ["packages/core/src/testing/test-password-hasher.ts", /constantTimeEqual\(actual, expected\)/],
  ];
  for (const [file, pattern] of mustUse) assert.match(readFileSync(join(root, file), "utf8"), pattern, file);
});

test("no server source compares a secret-named value with ===, !==, == or != (outside the reviewed allowances)", () => {
  assert.ok(allFiles.length > 50, `scanned ${allFiles.length} files`);
  const unexplained = suspiciousComparisons().filter((hit) => !allowed.some((allowance) => hit.startsWith(allowance.file) && allowance.pattern.test(hit)));
  assert.deepEqual(unexplained, []);
});

test("the scan has teeth: it flags a plain comparison of a signature", () => {
  const line = "if (signature === expectedSignature) return true;";
  assert.ok(comparison.test(line) && secretName.test(line) && !harmless.test(line));
  assert.ok(harmless.test("if (hash === null) return;"));
});

test("password verification is delegated to argon2 libraries that compare in constant time, never to a string comparison", () => {
  const node = readFileSync(join(root, "packages/node/src/argon2-hasher.ts"), "utf8");
  const bun = readFileSync(join(root, "packages/bun/src/bun-password-hasher.ts"), "utf8");
  assert.match(node, /await verify\(phc, password\)/);
  assert.match(bun, /Bun\.password\.verify\(password, phc\)/);
  for (const text of [node, bun]) assert.doesNotMatch(text, /===\s*phc|phc\s*===/);
});
