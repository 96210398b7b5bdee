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
