import assert from "node:assert/strict";
import { test } from "node:test";
import { attackContext, type AttackTarget } from "./support/attack-target.ts";
import { createStand, standPasswords } from "./support/in-process-stand.ts";
import { jwtAttacks } from "./support/jwt-attack-cases.ts";

// Each attack against the fetch handler on a fresh test kit, on every runtime.
for (const attack of jwtAttacks) {
  test(`JWT attack, fetch handler: ${attack.name}`, async () => {
    const stand = await createStand();
    const target: AttackTarget = {
      call: (method, path, call) => stand.call(method, path, call),
      loginUser: () => stand.login("ada@example.com", standPasswords.ada),
      keyFor(kid) {
        const key = stand.kit.keyring.find(kid);
        assert.ok(key, `the kit signs with kid ${kid}`);
        return key.secret;
      },
    };
    await attack.run(await attackContext(target));
    assert.deepEqual(stand.faults, [], "no attack caused an unexpected fault");
  });
}
