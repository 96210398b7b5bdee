import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { startReferenceStand } from "./support/reference-stand.ts";
import { findLeaks } from "./support/secret-search.ts";
import { dumpSqlite } from "./support/sqlite-dump.ts";

// Known bug, reported to the lead: packages/core/src/service/login.ts builds the
// per-account rate-limit key as `login:${email}|${ip}` and the SQL store keeps it
// in rate_limits.key, so a password pasted into the email field (a common slip)
// is written to the database in plaintext (lower-cased). Fix: key on a digest,
// e.g. `login:${await hashSecret(`${email}|${ip ?? "-"}`, ctx.crypto)}`. Remove
// the skip once that lands.
const fixed = false;

(fixed ? test : test.skip)("BUG (core login.ts rate-limit key): a password typed into the email field is not stored in plaintext in rate_limits", async () => {
  const stand = await startReferenceStand();
  const typed = "typed-password-qz19x";
  try {
    assert.equal((await stand.call("POST", "/auth/login", { body: { email: typed, password: stand.ada.password } })).status, 401);
  } finally {
    await stand.stop();
  }
  assert.deepEqual(findLeaks([{ label: "password typed as the email", value: typed }], dumpSqlite(join(stand.dir, "tessera.db"))), []);
});
