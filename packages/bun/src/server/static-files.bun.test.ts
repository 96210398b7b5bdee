import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createScenario } from "@tessera/core/testing";
import { createFetchHandler } from "@tessera/fetch";
import { resolveStaticPath, staticFiles } from "./static-files.ts";

function site() {
  const root = mkdtempSync(join(tmpdir(), "tessera-static-"));
  mkdirSync(join(root, "sub"));
  writeFileSync(join(root, "index.html"), "<h1>page</h1>");
  writeFileSync(join(root, "app.js"), "export {};");
  writeFileSync(join(root, ".env"), "SECRET=x");
  writeFileSync(join(root, "sub", "index.html"), "sub");
  return root;
}

test("static paths resolve inside the directory only: no dot segments, dotfiles or escapes", () => {
  const root = site();
  try {
    assert.equal(resolveStaticPath(root, "/"), join(root, "index.html"));
    assert.equal(resolveStaticPath(root, "/app.js"), join(root, "app.js"));
    assert.equal(resolveStaticPath(root, "/sub/"), join(root, "sub", "index.html"));
    for (const path of ["/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/.env", "/sub/../.env", "/missing.js", "/sub", "/%E0%A4%A", "/a%00b"]) {
      assert.equal(resolveStaticPath(root, path), null, path);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("static files answer GET and HEAD for files that exist, and nothing else", async () => {
  const root = site();
  try {
    const files = staticFiles(root);
    const page = files(new Request("http://x/"));
    assert.equal(page?.status, 200);
    assert.equal(page?.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(page?.headers.get("x-content-type-options"), "nosniff");
    assert.equal(await page?.text(), "<h1>page</h1>");
    const head = files(new Request("http://x/app.js", { method: "HEAD" }));
    assert.equal(head?.status, 200);
    assert.equal(head?.body, null);
    assert.equal(files(new Request("http://x/app.js", { method: "POST" })), null);
    assert.equal(files(new Request("http://x/nope")), null);
    assert.equal(files(new Request("http://x/.env")), null);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("behind the fetch handler, a file never shadows a route's own 404", async () => {
  const root = site();
  try {
    mkdirSync(join(root, "users"));
    writeFileSync(join(root, "users", "no_such_user"), "a file named like a user id");
    const s = await createScenario({ role: "admin" });
    const handler = createFetchHandler(s.tessera, { now: s.clock.now, notFound: staticFiles(root) });
    const { accessToken } = await s.loginOrThrow();
    const unknownUser = await handler(new Request("http://x/users/no_such_user", { headers: { Authorization: `Bearer ${accessToken}` } }));
    assert.equal(unknownUser.status, 404);
    assert.match(await unknownUser.text(), /"NOT_FOUND"/);
    assert.equal(await (await handler(new Request("http://x/app.js"))).text(), "export {};");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
