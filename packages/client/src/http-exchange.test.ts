import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError, NetworkError } from "./client-errors.ts";
import { exchange, type FetchLike, type Transport } from "./http-exchange.ts";

const transport = (fetch: FetchLike, timeoutMs = 1_000): Transport => ({ baseUrl: "http://server.test", fetch, timeoutMs, now: () => 0 });

// A server that never answers: the request settles only when its signal aborts.
const silent: FetchLike = (_input, init) =>
  new Promise((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true }));

test("a server that never answers becomes a NetworkError timeout", async () => {
  const error = await exchange(transport(silent, 20), "/users/me", {}).catch((e: unknown) => e);
  assert.ok(error instanceof NetworkError);
  assert.equal(error.reason, "timeout");
});

test("the caller's own abort is rethrown as it came, not as a NetworkError", async () => {
  const controller = new AbortController();
  const reason = new Error("user navigated away");
  const pending = exchange(transport(silent), "/users/me", { signal: controller.signal });
  controller.abort(reason);
  assert.equal(await pending.catch((e: unknown) => e), reason);
});

test("a fetch that fails before an answer is a NetworkError unreachable carrying the cause", async () => {
  const refused = new TypeError("fetch failed");
  const error = await exchange(transport(() => Promise.reject(refused)), "/users/me", {}).catch((e: unknown) => e);
  assert.ok(error instanceof NetworkError);
  assert.equal(error.reason, "unreachable");
  assert.equal(error.cause, refused);
});

test("a refusal passes through as the ApiError it is", async () => {
  const answer = () => Promise.resolve(Response.json({ errors: [{ message: "Forbidden.", extensions: { code: "FORBIDDEN", reason: "forbidden" } }] }, { status: 403 }));
  const error = await exchange(transport(answer), "/users", {}).catch((e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.code, "FORBIDDEN");
});

test("the path is appended to the base URL as given", async () => {
  let requested = "";
  const recording: FetchLike = (input) => {
    requested = input;
    return Promise.resolve(new Response(null, { status: 204 }));
  };
  await exchange({ ...transport(recording), baseUrl: "http://server.test/api" }, "/users/me", {});
  assert.equal(requested, "http://server.test/api/users/me");
});
