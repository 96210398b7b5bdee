import assert from "node:assert/strict";
import { test } from "node:test";
import { withRequestLog } from "./request-log.ts";

async function logged(url: string): Promise<Record<string, unknown>> {
  const lines: string[] = [];
  const handler = withRequestLog(async () => new Response(null, { status: 204 }), (line) => lines.push(line), () => 0);
  // A Request cannot hold a bare path; Bun's can, so this one only pretends to.
  await handler({ url, method: "GET" } as Request, { clientAddress: "203.0.113.9" });
  assert.equal(lines.length, 1);
  return JSON.parse(lines[0] as string);
}

test("the log line has the path, never the query string", async () => {
  const line = await logged("http://127.0.0.1:8055/users/me?access_token=secret-token");
  assert.equal(line["path"], "/users/me");
  assert.equal(line["status"], 204);
  assert.equal(line["ip"], "203.0.113.9");
  assert.doesNotMatch(JSON.stringify(line), /secret-token/);
});

test("a bare path (Bun's request.url for an odd or missing Host) is logged whole", async () => {
  const line = await logged("/server/ping?access_token=secret-token");
  assert.equal(line["path"], "/server/ping");
  assert.doesNotMatch(JSON.stringify(line), /secret-token/);
});
