import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { resolveStaticPath, withStaticFiles } from "./static-files.ts";

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

test("static files never shadow an API answer and only fill GET and HEAD 404s", async () => {
  const root = site();
  try {
    const api = async (request: Request) => (new URL(request.url).pathname === "/index.html" ? Response.json({ data: "api" }) : Response.json({ errors: [] }, { status: 404 }));
    const handler = withStaticFiles(api, root);
    assert.deepEqual(await (await handler(new Request("http://x/index.html"))).json(), { data: "api" });
    const page = await handler(new Request("http://x/"));
    assert.equal(page.status, 200);
    assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(await page.text(), "<h1>page</h1>");
    assert.equal((await handler(new Request("http://x/app.js", { method: "POST" }))).status, 404);
    const head = await handler(new Request("http://x/app.js", { method: "HEAD" }));
    assert.equal(head.status, 200);
    assert.equal((await handler(new Request("http://x/nope"))).status, 404);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
