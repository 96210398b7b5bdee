import { after, test } from "node:test";
import { attackContext, type AttackTarget } from "./support/attack-target.ts";
import { jwtAttacks } from "./support/jwt-attack-cases.ts";
import { type ReferenceStand, startReferenceStand } from "./support/reference-stand.ts";
import { derivedSigningKey } from "./support/secret-search.ts";

// One reference server for every attack: its keys come from SECRET, as
// packages/bun/README.md documents: HMAC-SHA-256(SECRET, "tessera-hs256:" + kid).
let stand: Promise<ReferenceStand> | undefined;
const shared = () => (stand ??= startReferenceStand());
after(async () => {
  if (stand !== undefined) await (await stand).stop();
});

for (const attack of jwtAttacks) {
  test(`JWT attack, reference server: ${attack.name}`, async () => {
    const server = await shared();
    const target: AttackTarget = {
      call: (method, path, call) => server.call(method, path, call),
      loginUser: () => server.login(server.ada.email, server.ada.password),
      keyFor: (kid) => derivedSigningKey(server.secret, kid),
    };
    await attack.run(await attackContext(target));
  });
}
