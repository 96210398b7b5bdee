import assert from "node:assert/strict";
import { test } from "node:test";
import { dataResponse, materializeBody, noContentResponse, peekResponseHeaders, peekResponseText, refusalResponse } from "./responses.ts";

const pong = JSON.stringify({ data: "pong" });

test("a response built here keeps its text aside, for adapters that write text", () => {
  assert.equal(peekResponseText(dataResponse("pong")), pong);
  assert.equal(peekResponseText(noContentResponse()), "");
  assert.equal(peekResponseText(new Response(pong)), undefined, "any other response has no kept-aside text");
});

test("its body reads as its text through every body reader, used up as an ordinary Response's is on this runtime", async () => {
  const readers: [string, (r: Response) => Promise<string>][] = [
    ["text()", (r) => r.text()],
    ["json()", async (r) => JSON.stringify(await r.json())],
    ["arrayBuffer()", async (r) => new TextDecoder().decode(await r.arrayBuffer())],
    ["bytes()", async (r) => new TextDecoder().decode(await r.bytes())],
    ["blob()", async (r) => (await r.blob()).text()],
    ["body", (r) => new Response(r.body).text()],
  ];
  // What an ordinary Response does after one read: used or not, and whether a second read fails.
  const afterOneRead = async (response: Response, read: (r: Response) => Promise<string>) => {
    const first = await read(response);
    const used = response.bodyUsed;
    const second = await response.text().then(
      () => "read again",
      (error: unknown) => (error instanceof TypeError ? "TypeError" : String(error)),
    );
    return { first, used, second };
  };
  for (const [name, read] of readers) {
    const ours = dataResponse("pong");
    assert.equal(ours.bodyUsed, false, name);
    const expected = await afterOneRead(new Response(pong), read);
    assert.equal(expected.first, pong, name);
    assert.deepEqual(await afterOneRead(ours, read), expected, name);
  }
});

test("a wrapper that rebuilds the response from it keeps status, headers and body", async () => {
  const original = refusalResponse({ status: 401, code: "INVALID_CREDENTIALS", reason: "wrong_password", message: "Invalid user credentials.", headers: { "WWW-Authenticate": "Bearer" } });
  const rebuilt = new Response(original.body, original);
  rebuilt.headers.set("X-Wrapped", "1");
  assert.equal(rebuilt.status, 401);
  assert.equal(rebuilt.headers.get("www-authenticate"), "Bearer");
  assert.equal(rebuilt.headers.get("content-type"), "application/json; charset=utf-8");
  assert.deepEqual(await rebuilt.json(), { errors: [{ message: "Invalid user credentials.", extensions: { code: "INVALID_CREDENTIALS", reason: "wrong_password" } }] });
});

test("clone() gives two readable copies, before and after the body was first touched", async () => {
  const fresh = dataResponse("pong");
  const copy = fresh.clone();
  assert.equal(await copy.text(), pong);
  assert.equal(await fresh.text(), pong);
  const touched = dataResponse("pong");
  assert.ok(touched.body !== null);
  touched.headers.set("X-Added-Later", "1");
  const late = touched.clone();
  assert.equal(late.headers.get("x-added-later"), "1", "the clone has the headers the response has now");
  assert.equal(await late.text(), pong);
  assert.equal(await touched.text(), pong);
  assert.throws(() => touched.clone(), TypeError, "a used body cannot be cloned, as for any Response");
});

test("a 204 has no body, and materializing gives runtimes a real body only where there is text", async () => {
  const empty = noContentResponse();
  assert.equal(empty.body, null);
  assert.equal(await empty.text(), "");
  const real = materializeBody(dataResponse("pong"));
  assert.equal(peekResponseText(real), undefined, "the materialized response is an ordinary one");
  assert.equal(await real.text(), pong);
  const plain204 = materializeBody(noContentResponse({ "X-Kept": "1" }));
  assert.equal(Object.getPrototypeOf(plain204), Response.prototype, "a 204 reaches the runtime as a plain Response");
  assert.equal(plain204.status, 204);
  assert.equal(plain204.body, null);
  assert.equal(plain204.headers.get("x-kept"), "1");
});

test("its headers stay a plain record for adapters until someone reads them, and then only the Headers object counts", () => {
  const fresh = dataResponse("pong");
  assert.deepEqual(peekResponseHeaders(fresh), { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
  const headers = fresh.headers;
  assert.equal(headers.get("content-type"), "application/json; charset=utf-8");
  assert.equal(fresh.headers, headers, "the same Headers object on every read, as on any Response");
  assert.equal(peekResponseHeaders(fresh), undefined, "once read, the record no longer tells the whole story");
  headers.set("X-Later", "1");
  assert.equal(fresh.headers.get("x-later"), "1");
  assert.equal(materializeBody(fresh).headers.get("x-later"), "1", "what runtimes serve has the headers set later");
  assert.equal(peekResponseHeaders(new Response("x")), undefined, "any other response has no record");
  const untouched = dataResponse("pong");
  assert.equal(materializeBody(untouched).headers.get("cache-control"), "no-store", "materializing from the record keeps every header");
});

test("extra headers come on top of the standard ones, repeated names kept apart", () => {
  const refused = refusalResponse({ status: 401, code: "INVALID_TOKEN", reason: "bad", message: "m", headers: { "WWW-Authenticate": "Bearer" } });
  assert.equal(refused.headers.get("www-authenticate"), "Bearer");
  assert.equal(refused.headers.get("content-type"), "application/json; charset=utf-8");
  const cookies = new Headers();
  cookies.append("Set-Cookie", "a=1");
  cookies.append("Set-Cookie", "b=2");
  assert.deepEqual(noContentResponse(cookies).headers.getSetCookie(), ["a=1", "b=2"]);
});

test("a clone of an untouched response has headers of its own, each way", () => {
  const original = dataResponse("pong");
  const copy = original.clone();
  copy.headers.set("X-Copy", "1");
  original.headers.set("X-Original", "1");
  assert.equal(original.headers.get("x-copy"), null);
  assert.equal(copy.headers.get("x-original"), null);
  assert.equal(copy.headers.get("content-type"), "application/json; charset=utf-8");
  assert.equal(dataResponse("pong").headers.get("x-original"), null, "the standard headers every response starts from are unchanged");
});

test("the overridden accessors are enumerable, as on any Response", () => {
  const ours = Object.getPrototypeOf(dataResponse("pong")) as object;
  for (const name of ["headers", "body", "bodyUsed"]) {
    assert.equal(Object.getOwnPropertyDescriptor(ours, name)?.enumerable, Object.getOwnPropertyDescriptor(Response.prototype, name)?.enumerable, name);
  }
});
