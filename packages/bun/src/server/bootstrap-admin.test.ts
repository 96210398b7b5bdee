import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestKit } from "@tessera/core/testing";
import { bootstrapAdmin } from "./bootstrap-admin.ts";

test("the first run creates one admin; a second instance starting at the same moment carries on without one", async () => {
  const kit = createTestKit();
  const [a, b] = await Promise.all([bootstrapAdmin(kit.tessera, "admin@example.com", null), bootstrapAdmin(kit.tessera, "admin@example.com", null)]);
  assert.equal([a, b].filter((x) => x.created).length, 1);
  const users = await kit.tessera.listUsers();
  assert.deepEqual(users.map((u) => [u.email, u.role]), [["admin@example.com", "admin"]]);
  assert.deepEqual(await bootstrapAdmin(kit.tessera, "admin@example.com", null), { created: false });
});

test("an invalid ADMIN_EMAIL stops the first run with a message naming it", async () => {
  const kit = createTestKit();
  await assert.rejects(bootstrapAdmin(kit.tessera, "not-an-email", "pw"), /ADMIN_EMAIL/);
});
