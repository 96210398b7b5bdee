// Child process of durability.bun.test.ts: logs in on the SQLite file given
// as argv[2], then refreshes forever, printing each refresh token as a JSON
// line only after the refresh that returned it has finished. writeSync puts
// the line in the pipe before the next refresh starts, so a SIGKILL cannot
// leave the parent a line older than the store's state.
import { writeSync } from "node:fs";
import { createManualClock, createTestKit } from "@tessera/core/testing";
import { openStore } from "@tessera/store-kysely";

const path = process.argv[2];
if (path === undefined) throw new Error("usage: bun refresh-loop.ts <sqlite file>");
const store = await openStore(`sqlite:${path}`);
const clock = createManualClock(1_767_225_600_000);
const { tessera } = createTestKit({ store, users: store, clock, seed: 21 });
const print = (token: string) => writeSync(1, `${JSON.stringify({ token, now: clock.now() })}\n`);

const created = await tessera.createUser({ email: "ada@example.com", password: "pw" });
const login = await tessera.login({ email: "ada@example.com", password: "pw" });
if (!created.ok || !login.ok) throw new Error("setup failed");
let token = login.value.refreshToken;
print(token);
for (;;) {
  clock.advance(1);
  const outcome = await tessera.refresh(token);
  if (!outcome.ok) throw new Error(`refresh refused: ${outcome.reason}`);
  token = outcome.value.refreshToken;
  print(token);
}
