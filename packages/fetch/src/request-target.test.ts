import assert from "node:assert/strict";
import { test } from "node:test";
import { isPlainHost, requestTarget } from "./request-target.ts";

test("a URL with a plain Host is taken whole", () => {
  const url = requestTarget("https://api.example.com:8443/users/me?fields=id", "api.example.com:8443");
  assert.equal(url.href, "https://api.example.com:8443/users/me?fields=id");
});

test("a Host the URL parser refuses keeps the path and query", () => {
  for (const host of ["localhost:99999", "999.999.999.999", "a b", "[::1]:70000", "exa%mple"]) {
    const url = requestTarget(`http://${host}/auth/sessions/abc?access_token=x`, host);
    assert.equal(url.pathname, "/auth/sessions/abc", host);
    assert.equal(url.searchParams.get("access_token"), "x", host);
  }
});

test("a Host that would move the path does not: the path is what followed the Host", () => {
  for (const host of ["x\\y", "x/users/me", "x?y", "x#y", "x@y", "evil/auth/login?"]) {
    const url = requestTarget(`http://${host}/server/ping?q=1`, host);
    assert.equal(url.pathname, "/server/ping", host);
    assert.equal(url.search, "?q=1", host);
  }
});

test("a bare path and query (Bun's request.url for some hosts, or none) is read as such", () => {
  const url = requestTarget("/auth/refresh?mode=json", "a b");
  assert.equal(url.pathname, "/auth/refresh");
  assert.equal(url.searchParams.get("mode"), "json");
  assert.equal(requestTarget("/server/ping", null).pathname, "/server/ping");
});

test("a path that starts with // stays a path", () => {
  assert.equal(requestTarget("http://127.0.0.1//users/x", "").pathname, "//users/x");
  assert.equal(requestTarget("//", "a b").pathname, "//");
});

test("an empty Host, for which the runtime put in its own, keeps the path", () => {
  assert.equal(requestTarget("http://localhost:8055/server/ping", "").pathname, "/server/ping");
});

test("a URL with no path at all becomes the root", () => {
  assert.equal(requestTarget("http://a b", "a b").pathname, "/");
  assert.equal(requestTarget("nonsense", null).pathname, "/");
});

test("plain hosts are names, IPv4 and bracketed IPv6 with an optional port", () => {
  for (const host of ["localhost", "127.0.0.1:8055", "api.example.com", "my_service:8055", "[::1]:8055", "[2001:db8::1]"]) assert.ok(isPlainHost(host), host);
  for (const host of ["", "a b", "x/y", "x\\y", "x?y", "x#y", "x@y", "exa%mple", "[::1", "host:port"]) assert.ok(!isPlainHost(host), host);
});
