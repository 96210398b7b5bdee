import type { UserDirectory } from "../ports/user-directory.ts";
import { normalizeEmail, type UserRecord } from "../records.ts";

/**
 * The {@link UserDirectory} port in a Map, for tests and for embedding.
 *
 * @example
 * const users = createMemoryUserDirectory();
 */
export function createMemoryUserDirectory(initial: readonly UserRecord[] = []): UserDirectory {
  const byId = new Map<string, UserRecord>();
  const idByEmail = new Map<string, string>();
  for (const user of initial) {
    byId.set(user.id, user);
    idByEmail.set(normalizeEmail(user.email), user.id);
  }
  return {
    async findUserByEmail(email) {
      const id = idByEmail.get(normalizeEmail(email));
      return id === undefined ? null : (byId.get(id) ?? null);
    },
    async findUserById(id) {
      return byId.get(id) ?? null;
    },
    async listUsers() {
      return [...byId.values()].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
    },
    async insertUser(user) {
      const email = normalizeEmail(user.email);
      if (idByEmail.has(email) || byId.has(user.id)) return false;
      byId.set(user.id, { ...user, email });
      idByEmail.set(email, user.id);
      return true;
    },
    async updateUser(id, patch) {
      const user = byId.get(id);
      if (user === undefined) return false;
      const email = patch.email === undefined ? user.email : normalizeEmail(patch.email);
      const owner = idByEmail.get(email);
      if (owner !== undefined && owner !== id) return false;
      idByEmail.delete(user.email);
      idByEmail.set(email, id);
      byId.set(id, { ...user, ...patch, email });
      return true;
    },
    async deleteUser(id) {
      const user = byId.get(id);
      if (user === undefined) return false;
      byId.delete(id);
      idByEmail.delete(user.email);
      return true;
    },
  };
}
