import assert from "node:assert/strict";
import { test } from "node:test";
import { assertRefusal } from "./support/envelope.ts";
import { startReferenceStand } from "./support/reference-stand.ts";

test("the reference server rate-limits logins per account and per address (429 with Retry-After) without locking the real user out", async () => {
  const stand = await startReferenceStand();
  try {
    const attempt = (email: string, password: string, localAddress: string) => stand.call("POST", "/auth/login", { body: { email, password }, localAddress });
    // Per account and address: the server's default of 10 failures in 15 minutes.
    for (let i = 0; i < 10; i++) assertRefusal(await attempt(stand.ada.email, `guess-${i}`, "127.0.0.11"), 401, "INVALID_CREDENTIALS");
    const blocked = await attempt(stand.ada.email, stand.ada.password, "127.0.0.11");
    assertRefusal(blocked, 429, "REQUESTS_EXCEEDED");
    assert.match(blocked.headers.get("retry-after") ?? "", /^[1-9]\d*$/);
    assert.equal((await attempt(stand.ada.email, stand.ada.password, "127.0.0.12")).status, 200, "Ada, from her own address, is not locked out");
    // Per address: the default of 100 attempts in 15 minutes, sprayed over unknown emails.
    for (let i = 0; i < 100; i++) assertRefusal(await attempt(`sprayed-${i}@example.com`, "Winter2024!", "127.0.0.13"), 401, "INVALID_CREDENTIALS");
    assertRefusal(await attempt("sprayed-x@example.com", "Winter2024!", "127.0.0.13"), 429, "REQUESTS_EXCEEDED");
    assert.equal((await attempt(stand.ada.email, stand.ada.password, "127.0.0.12")).status, 200);
  } finally {
    await stand.stop();
  }
});
