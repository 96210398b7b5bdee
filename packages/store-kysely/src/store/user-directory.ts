import { normalizeEmail, type UserDirectory, type UserPatch } from "@tessera/core";
import { type Kysely, sql, type Updateable } from "kysely";
import type { TesseraDatabase, UsersTable } from "../tessera-database.ts";
import { param, prepareQuery } from "./prepared-query.ts";
import { toUserRecord } from "./row-mappers.ts";
import type { RecordLookUps } from "./record-look-ups.ts";
import { isUniqueViolation } from "./store-faults.ts";

const patchRow = (patch: UserPatch): Updateable<UsersTable> => {
  const row: Updateable<UsersTable> = {};
  if (patch.email !== undefined) row.email = normalizeEmail(patch.email);
  if (patch.role !== undefined) row.role = patch.role;
  if (patch.status !== undefined) row.status = patch.status;
  if (patch.passwordHash !== undefined) row.password_hash = patch.passwordHash;
  return row;
};

/**
 * The {@link UserDirectory} port in SQL. Emails are stored normalised and the
 * unique index is on `lower(email)`, so even a writer that skipped
 * normalisation cannot create a case-variant duplicate.
 */
export function createSqlUserDirectory(db: Kysely<TesseraDatabase>, lookUps: Pick<RecordLookUps, "findUserById">): UserDirectory {
  const byEmail = prepareQuery<Parameters<typeof toUserRecord>[0], { email: string }>(
    db.selectFrom("users").selectAll().where(sql<string>`lower(email)`, "=", param<string>("email")).compile(),
  );
  const { findUserById } = lookUps;
  return {
    async findUserByEmail(email) {
      const row = (await db.executeQuery(byEmail({ email: normalizeEmail(email) }))).rows[0];
      return row === undefined ? null : toUserRecord(row);
    },
    findUserById,
    async listUsers() {
      return (await db.selectFrom("users").selectAll().orderBy("email").orderBy("id").execute()).map(toUserRecord);
    },
    async insertUser(user) {
      const result = await db
        .insertInto("users")
        .values({ id: user.id, email: normalizeEmail(user.email), password_hash: user.passwordHash, role: user.role, status: user.status, created_at: user.createdAt })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async updateUser(id, patch) {
      const row = patchRow(patch);
      if (Object.keys(row).length === 0) return (await findUserById(id)) !== null;
      try {
        const result = await db.updateTable("users").set(row).where("id", "=", id).executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      } catch (error) {
        // The email belongs to someone else: an expected refusal, not a fault.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async deleteUser(id) {
      const result = await db.deleteFrom("users").where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
