import type { PolicyInput } from "../policy.ts";
import type { TokenPair } from "../service/issue-access-token.ts";
import type { PublicUser } from "../service/users.ts";
import type { Store } from "../ports/store.ts";
import type { MemoryStore } from "./memory-store.ts";
import { createTestKit, type TestKit, type TestKitOptions } from "./test-kit.ts";

/** A test kit with one active user, and a login that must succeed. */
export interface Scenario<S extends Store = MemoryStore> extends TestKit<S> {
  readonly user: PublicUser;
  readonly password: string;
  /** Logs the user in and returns the pair; throws if refused. */
  loginOrThrow(): Promise<TokenPair>;
}

/**
 * A kit with one user, `ada@example.com`, for example tests.
 *
 * @example
 * const s = await createScenario({ policy: { reuseGrace: "10s" } });
 * const pair = await s.loginOrThrow();
 */
export async function createScenario<S extends Store = MemoryStore>(
  options: TestKitOptions & { readonly store?: S; readonly role?: string; readonly policy?: PolicyInput } = {},
): Promise<Scenario<S>> {
  const kit = createTestKit<S>(options);
  const password = "correct horse battery staple";
  const created = await kit.tessera.createUser({ email: "ada@example.com", password, role: options.role ?? "user" });
  if (!created.ok) throw new Error(`scenario user was refused: ${created.reason}`);
  return Object.assign(kit, {
    user: created.value,
    password,
    async loginOrThrow() {
      const outcome = await kit.tessera.login({ email: "ada@example.com", password, ip: "203.0.113.7" });
      if (!outcome.ok) throw new Error(`scenario login was refused: ${outcome.reason}`);
      return outcome.value;
    },
  });
}
