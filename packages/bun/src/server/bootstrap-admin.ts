import { encodeBase64url, type Tessera } from "@tessera/core";
import { webRandom } from "@tessera/core/platform";

/** What the first run did: nothing (users exist), or the admin it created and, if generated, its password. */
export type Bootstrap = { readonly created: false } | { readonly created: true; readonly email: string; readonly generatedPassword: string | null };

/**
 * On a database without users, creates an admin from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or with a generated password that the caller prints once.
 */
export async function bootstrapAdmin(tessera: Tessera, email: string, password: string | null): Promise<Bootstrap> {
  if ((await tessera.listUsers()).length > 0) return { created: false };
  const chosen = password ?? encodeBase64url(webRandom.bytes(18));
  const outcome = await tessera.createUser({ email, password: chosen, role: "admin" });
  // Two instances starting together on a fresh database both saw no users; the one that lost the insert carries on.
  if (!outcome.ok && outcome.reason === "email_taken") return { created: false };
  if (!outcome.ok) throw new Error(`ADMIN_EMAIL/ADMIN_PASSWORD: could not create the first admin: ${outcome.message}`);
  return { created: true, email: outcome.value.email, generatedPassword: password === null ? chosen : null };
}
