import assert from "node:assert/strict";
import { test } from "node:test";
import { clearCookie, readCookie, serializeCookie } from "./cookies.ts";

const settings = { name: "rt", path: "/auth", domain: null, secure: true, sameSite: "Lax" } as const;

test("readCookie finds a cookie among others and ignores look-alike names", () => {
  assert.equal(readCookie("xrt=1; rt=abc.def; rtx=2", "rt"), "abc.def");
  assert.equal(readCookie("xrt=1", "rt"), null);
  assert.equal(readCookie("rt=", "rt"), null);
  assert.equal(readCookie(null, "rt"), null);
});

test("serializeCookie writes HttpOnly, Path, SameSite, Secure and whole-second Max-Age", () => {
  assert.equal(serializeCookie(settings, "v", 90.9), "rt=v; Max-Age=90; Path=/auth; HttpOnly; SameSite=Lax; Secure");
  assert.equal(serializeCookie({ ...settings, secure: false, domain: "example.com" }, "v", 1), "rt=v; Max-Age=1; Path=/auth; HttpOnly; SameSite=Lax; Domain=example.com");
});

test("clearCookie expires the cookie on the same path", () => {
  assert.equal(clearCookie(settings), "rt=; Max-Age=0; Path=/auth; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure");
});
