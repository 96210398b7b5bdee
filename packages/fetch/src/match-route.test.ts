import assert from "node:assert/strict";
import { test } from "node:test";
import { createRouteMatcher } from "./match-route.ts";
import { routes } from "./routes/route-table.ts";

const match = createRouteMatcher(routes);

test("a literal route wins over a :param route (me is never a user id)", () => {
  const found = match("GET", "/users/me");
  assert.equal(found.kind, "found");
  assert.equal(found.kind === "found" && found.route.path, "/users/me");
  const byId = match("GET", "/users/abc_123");
  assert.deepEqual(byId.kind === "found" && byId.params, { id: "abc_123" });
});

test("one trailing slash is ignored", () => {
  assert.equal(match("POST", "/auth/login/").kind, "found");
});

test("a known path with another method lists the allowed methods", () => {
  assert.deepEqual(match("PUT", "/users/me/token"), { kind: "wrong_method", allowed: ["POST", "DELETE"] });
});

test("unknown paths and ids with odd characters are not found", () => {
  assert.equal(match("GET", "/nope").kind, "not_found");
  assert.equal(match("GET", "/users/a%2Fb").kind, "not_found");
  assert.equal(match("GET", "/users/" + "a".repeat(129)).kind, "not_found");
});

test("every path of the table, with every method, gets the answer a plain reading of the table gives", () => {
  // The reference: the first route in table order whose method and segments match; else the methods of every route whose segments match.
  const segmentsMatch = (pattern: string, path: string) => {
    const want = pattern.split("/");
    const got = path.split("/");
    return want.length === got.length && want.every((part, i) => (part.startsWith(":") ? got[i] !== "me" && /^[A-Za-z0-9_-]{1,128}$/.test(got[i] as string) : part === got[i]));
  };
  const expected = (method: string, path: string) => {
    const matching = routes.filter((route) => segmentsMatch(route.path, path));
    const route = matching.find((r) => r.method === method);
    if (route !== undefined) return { kind: "found", path: route.path };
    return matching.length > 0 ? { kind: "wrong_method", allowed: matching.map((r) => r.method) } : { kind: "not_found" };
  };
  const paths = routes.map((route) => route.path.replaceAll(":id", "abc_123"));
  const methods = ["GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS", "get"];
  for (const path of paths) {
    for (const method of methods) {
      for (const asked of [path, `${path}/`]) {
        const found = match(method, asked);
        const actual = found.kind === "found" ? { kind: "found", path: found.route.path } : found;
        assert.deepEqual(actual, expected(method, path), `${method} ${asked}`);
      }
    }
  }
});

test("an answer shared between requests cannot be changed by one of them", () => {
  const found = match("GET", "/users/me");
  assert.equal(found.kind, "found");
  assert.throws(() => {
    (found as { params: Record<string, string> }).params["id"] = "x";
  }, TypeError);
  assert.deepEqual((match("GET", "/users/me") as { params: object }).params, {});
});
