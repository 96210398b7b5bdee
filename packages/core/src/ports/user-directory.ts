import type { UserRecord, UserStatus } from "../records.ts";

/** Fields that can change on a user. Absent fields stay as they are. */
export interface UserPatch {
  readonly email?: string;
  readonly role?: string;
  readonly status?: UserStatus;
  readonly passwordHash?: string;
}

/**
 * Where users live. Emails are compared case-insensitively: implementations
 * store and look up `normalizeEmail(email)`.
 */
export interface UserDirectory {
  /** The user with this (normalised) email, or null. */
  findUserByEmail(email: string): Promise<UserRecord | null>;
  /** The user with this id, or null. */
  findUserById(id: string): Promise<UserRecord | null>;
  /** All users, ordered by email. */
  listUsers(): Promise<readonly UserRecord[]>;
  /** Inserts a user; false when the email is already taken. */
  insertUser(user: UserRecord): Promise<boolean>;
  /** Applies a patch; false when the user does not exist or the new email is taken. */
  updateUser(id: string, patch: UserPatch): Promise<boolean>;
  /** Deletes a user; false when absent. */
  deleteUser(id: string): Promise<boolean>;
}
