import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { startReferenceStand } from "./support/reference-stand.ts";
import { findLeaks } from "./support/secret-search.ts";
import { dumpSqlite } from "./support/sqlite-dump.ts";

// People paste passwords into the email field. The per-account rate-limit key
// (email and address) is kept in the rate_limits table, so the core stores it
// as a digest (packages/core/src/service/login.ts); this test found the bug
// when it was plaintext.
test("a password typed into the email field is not stored in plaintext in rate_limits", async () => {
  const stand = await startReferenceStand();
  const typed = "typed-password-qz19x";
  try {
    assert.equal((await stand.call("POST", "/auth/login", { body: { email: typed, password: stand.ada.password } })).status, 401);
  } finally {
    await stand.stop();
  }
  assert.deepEqual(findLeaks([{ label: "password typed as the email", value: typed }], dumpSqlite(join(stand.dir, "tessera.db"))), []);
});
