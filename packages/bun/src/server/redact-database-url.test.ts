import assert from "node:assert/strict";
import { test } from "node:test";
import { redactDatabaseUrl } from "./redact-database-url.ts";

test("a password in the userinfo is hidden, even one holding @ or :", () => {
  assert.equal(redactDatabaseUrl("postgres://app:s3cret@db:5432/auth"), "postgres://app:***@db:5432/auth");
  for (const password of ["p@ss", "a:b", "p%40ss"]) {
    const shown = redactDatabaseUrl(`postgresql://app:${password}@db.internal/auth`);
    assert.ok(!shown.includes(password.replace("%40", "@")) && !shown.includes(password), `${password} -> ${shown}`);
    assert.match(shown, /^postgresql:\/\/app:\*\*\*@/);
  }
});

test("a password in the query string is hidden, and the other parameters are kept", () => {
  const shown = redactDatabaseUrl("postgres://db/auth?user=app&password=s3cret&sslmode=require&sslpassword=k3y");
  assert.doesNotMatch(shown, /s3cret|k3y/);
  assert.match(shown, /sslmode=require/);
  assert.match(shown, /user=app/);
});

test("a URL with no password is shown as it is", () => {
  assert.equal(redactDatabaseUrl("postgres://postgres@127.0.0.1:5432/test"), "postgres://postgres@127.0.0.1:5432/test");
});

test("a URL that does not parse is shown by its scheme only", () => {
  assert.equal(redactDatabaseUrl("postgres://app:s3cret@db:99999/auth"), "postgres://***");
  assert.equal(redactDatabaseUrl("postgres://app:x/y@db/auth"), "postgres://***");
});

test("a SQLite path is kept", () => {
  assert.equal(redactDatabaseUrl("sqlite:./data/tessera.db"), "sqlite:./data/tessera.db");
  assert.equal(redactDatabaseUrl("/var/lib/tessera.db"), "/var/lib/tessera.db");
});
