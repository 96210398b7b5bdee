import * as v from "valibot";
import { fail, type Outcome, succeed } from "../outcome.ts";
import type { UserPatch } from "../ports/user-directory.ts";
import { normalizeEmail, type UserRecord, type UserStatus, userStatuses } from "../records.ts";
import { generateId, type ServiceContext } from "./context.ts";

/** A user as shown to clients: everything but the password hash. */
export type PublicUser = Omit<UserRecord, "passwordHash">;

/** The refusal of an operation on a user id that names no user. */
export const userNotFound = fail("NOT_FOUND", "not_found", "User not found.");

/** Strips the password hash. */
export function toPublicUser(user: UserRecord): PublicUser {
  const { passwordHash: _, ...rest } = user;
  return rest;
}

const emailSchema = v.pipe(v.string("email must be a string"), v.trim(), v.maxLength(254, "email is too long"), v.email("email is not a valid address"));
const passwordSchema = v.pipe(v.string("password must be a string"), v.minLength(1, "password must not be empty"), v.maxLength(1024, "password is too long"));
const roleSchema = v.pipe(v.string("role must be a string"), v.regex(/^[A-Za-z0-9_-]{1,64}$/, "role must be 1 to 64 characters of [A-Za-z0-9_-]"));
const statusSchema = v.picklist(userStatuses, `status must be one of ${userStatuses.join(", ")}`);

const newUserSchema = v.object({ email: emailSchema, password: passwordSchema, role: v.optional(roleSchema, "user"), status: v.optional(statusSchema, "active") });
const userChangeSchema = v.object({ email: v.optional(emailSchema), password: v.optional(passwordSchema), role: v.optional(roleSchema), status: v.optional(statusSchema) });

/** A user to create. */
export interface NewUser {
  readonly email: string;
  readonly password: string;
  readonly role?: string;
  readonly status?: UserStatus;
}

/** A change to a user; absent fields stay. */
export interface UserChange {
  readonly email?: string;
  readonly password?: string;
  readonly role?: string;
  readonly status?: UserStatus;
}

function invalid(issues: readonly { readonly message: string }[]) {
  return fail("INVALID_PAYLOAD", "invalid_input", issues[0]?.message ?? "Invalid payload.");
}

/** Creates a user with an argon2 (or whatever the hasher does) password hash. */
export async function createUser(ctx: ServiceContext, input: NewUser): Promise<Outcome<PublicUser>> {
  const parsed = v.safeParse(newUserSchema, input);
  if (!parsed.success) return invalid(parsed.issues);
  const now = ctx.clock.now();
  const user: UserRecord = {
    id: generateId(ctx.random),
    email: normalizeEmail(parsed.output.email),
    passwordHash: await ctx.passwords.hash(parsed.output.password),
    role: parsed.output.role,
    status: parsed.output.status,
    createdAt: now,
  };
  if (!(await ctx.users.insertUser(user))) return fail("INVALID_PAYLOAD", "email_taken", "A user with this email already exists.");
  ctx.emit("user_created", now, user.id, null);
  return succeed(toPublicUser(user));
}

/**
 * Changes a user (rule 8): suspending ends all sessions and the static token;
 * a new password ends every session but `keepSessionId` (the caller's own).
 */
export async function updateUser(ctx: ServiceContext, id: string, change: UserChange, keepSessionId?: string): Promise<Outcome<PublicUser>> {
  const parsed = v.safeParse(userChangeSchema, change);
  if (!parsed.success) return invalid(parsed.issues);
  const before = await ctx.users.findUserById(id);
  if (before === null) return userNotFound;
  const { email, password, role, status } = parsed.output;
  const patch: { -readonly [K in keyof UserPatch]: UserPatch[K] } = {};
  if (email !== undefined) patch.email = normalizeEmail(email);
  if (role !== undefined) patch.role = role;
  if (status !== undefined) patch.status = status;
  if (password !== undefined) patch.passwordHash = await ctx.passwords.hash(password);
  if (!(await ctx.users.updateUser(id, patch))) return fail("INVALID_PAYLOAD", "email_taken", "A user with this email already exists.");
  const now = ctx.clock.now();
  if (status === "suspended" && before.status !== "suspended") {
    await endEverything(ctx, id, now, "user_suspended");
    ctx.emit("user_suspended", now, id, null);
  } else if (password !== undefined) {
    await ctx.store.revokeUserSessions(id, now, "password_changed", keepSessionId);
    ctx.emit("password_changed", now, id, keepSessionId ?? null);
  }
  ctx.emit("user_updated", now, id, null);
  const after = await ctx.users.findUserById(id);
  return after === null ? userNotFound : succeed(toPublicUser(after));
}

/** Deletes a user, ending its sessions and static token first (rule 8). */
export async function deleteUser(ctx: ServiceContext, id: string): Promise<Outcome<{ readonly id: string }>> {
  const now = ctx.clock.now();
  if ((await ctx.users.findUserById(id)) === null) return userNotFound;
  await endEverything(ctx, id, now, "user_deleted");
  await ctx.users.deleteUser(id);
  ctx.emit("user_deleted", now, id, null);
  return succeed({ id });
}

async function endEverything(ctx: ServiceContext, userId: string, now: number, reason: string): Promise<void> {
  await ctx.store.revokeUserSessions(userId, now, reason);
  await ctx.store.deleteStaticToken(userId);
}
