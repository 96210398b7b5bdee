import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError, NetworkError } from "./client-errors.ts";
import { readAnswer } from "./read-answer.ts";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

test("a success answer resolves to its data", async () => {
  assert.deepEqual(await readAnswer(json(200, { data: { token: "t" } }), 0), { token: "t" });
});

test("a 204 answer resolves to undefined", async () => {
  assert.equal(await readAnswer(new Response(null, { status: 204 }), 0), undefined);
});

test("a refusal throws an ApiError with the envelope's status, code, reason and message", async () => {
  const answer = json(401, { errors: [{ message: "Token expired.", extensions: { code: "TOKEN_EXPIRED", reason: "expired" } }] });
  const error = await readAnswer(answer, 0).catch((e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 401);
  assert.equal(error.code, "TOKEN_EXPIRED");
  assert.equal(error.reason, "expired");
  assert.equal(error.message, "Token expired.");
  assert.equal(error.retryAfterMs, null);
});

test("a 429 carries Retry-After as milliseconds", async () => {
  const answer = json(429, { errors: [{ message: "Too many", extensions: { code: "REQUESTS_EXCEEDED", reason: "rate_limited" } }] }, { "retry-after": "7" });
  const error = await readAnswer(answer, 0).catch((e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.retryAfterMs, 7000);
});

test("a refusal without an envelope (a proxy's 502 page) still surfaces its status", async () => {
  const error = await readAnswer(new Response("<h1>Bad gateway</h1>", { status: 502, headers: { "content-type": "text/html" } }), 0).catch((e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 502);
  assert.equal(error.code, "INTERNAL_SERVER_ERROR");
  assert.equal(error.reason, "http_502");
});

test("a success whose JSON does not parse is a NetworkError, not a crash", async () => {
  const error = await readAnswer(new Response("{not json", { status: 200, headers: { "content-type": "application/json" } }), 0).catch((e: unknown) => e);
  assert.ok(error instanceof NetworkError);
  assert.equal(error.code, "NETWORK_ERROR");
  assert.equal(error.reason, "bad_response");
});
