import { fail, type Outcome, succeed } from "../outcome.ts";
import type { Principal } from "../service/authenticate.ts";

/** The role that may manage users, their tokens and sessions. */
export const adminRole = "admin";

/**
 * Lets a principal through only with the given role (default `admin`).
 *
 * @example
 * const allowed = requireRole(principal); // FORBIDDEN unless principal.role === "admin"
 */
export function requireRole(principal: Principal, role: string = adminRole): Outcome<Principal> {
  return principal.role === role ? succeed(principal) : fail("FORBIDDEN", "forbidden", `You don't have permission to access this: it needs the ${role} role.`);
}
