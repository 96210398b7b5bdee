import { type Rotation, StoreError } from "@tessera/core";
import { type Kysely, sql } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";
import { param, prepareQuery } from "./prepared-query.ts";
import { changedRows } from "./row-mappers.ts";
import type { SqlDialect } from "./sql-dialect.ts";
import { inWriteTransaction, type SqliteSyncRunner } from "./sqlite-sync-runner.ts";

// A type alias, not an interface: prepared-query arguments must be indexable.
type RotationArgs = {
  readonly presentedHash: string;
  readonly sessionId: string;
  readonly rotatedAt: number;
  readonly rotationNonce: string;
  readonly successorHash: string;
  readonly successorUserId: string;
  readonly successorIssuedAt: number;
  readonly successorExpiresAt: number;
};

// The successor is stored from these fields alone, so anything else about it
// must be what a fresh token in the same session looks like.
const toArgs = (rotation: Rotation): RotationArgs => {
  const { successor } = rotation;
  if (successor.sessionId !== rotation.sessionId || successor.state !== "live" || successor.rotatedAt !== null || successor.successorHash !== null) {
    throw new StoreError("a rotation's successor must be a fresh live token of the same session");
  }
  return {
  presentedHash: rotation.presentedHash,
  sessionId: rotation.sessionId,
  rotatedAt: rotation.rotatedAt,
  rotationNonce: rotation.rotationNonce,
  successorHash: rotation.successor.hash,
  successorUserId: rotation.successor.userId,
  successorIssuedAt: rotation.successor.issuedAt,
  successorExpiresAt: rotation.successor.expiresAt,
  };
};

// The compare-and-set: the presented token must still be live, in this
// session, and the session not revoked. Only a row that matched changes.
function spendPresented(db: Kysely<TesseraDatabase>) {
  return db
    .updateTable("refresh_tokens")
    .set({ state: "rotated", rotated_at: param("rotatedAt"), rotation_nonce: param("rotationNonce"), successor_hash: param("successorHash") })
    .where("hash", "=", param("presentedHash"))
    .where("state", "=", "live")
    .where("session_id", "=", param("sessionId"))
    .where((eb) => eb.exists(eb.selectFrom("sessions").select(sql.lit(1).as("one")).where("id", "=", param("sessionId")).where("revoked_at", "is", null)));
}

/**
 * SQLite: one BEGIN IMMEDIATE transaction (writers are serialised by the
 * file's write lock): spend the presented token, and only if exactly one row
 * changed insert the successor and bump the session. On Tessera's driver the
 * whole transaction runs synchronously, with no await between statements.
 */
function createSqliteRotation(db: Kysely<TesseraDatabase>, runSync: SqliteSyncRunner): (rotation: Rotation) => Promise<boolean> {
  const spend = prepareQuery<never, RotationArgs>(spendPresented(db).compile());
  const insertSuccessor = prepareQuery<never, RotationArgs>(
    db
      .insertInto("refresh_tokens")
      .values({
        hash: param("successorHash"),
        session_id: param("sessionId"),
        user_id: param("successorUserId"),
        state: "live",
        issued_at: param("successorIssuedAt"),
        expires_at: param("successorExpiresAt"),
        rotated_at: null,
        rotation_nonce: null,
        successor_hash: null,
      })
      .compile(),
  );
  const bumpSession = prepareQuery<never, RotationArgs>(
    db.updateTable("sessions").set({ last_refreshed_at: param("rotatedAt") }).where("id", "=", param("sessionId")).compile(),
  );
  return (rotation) => {
    const args = toArgs(rotation);
    return runSync(
      (sqlite) =>
        inWriteTransaction(sqlite, () => {
          if (sqlite.run(spend(args)) !== 1) return false;
          sqlite.run(insertSuccessor(args));
          sqlite.run(bumpSession(args));
          return true;
        }),
      () =>
        db.transaction().execute(async (trx) => {
          if (changedRows(await trx.executeQuery(spend(args))) !== 1) return false;
          await trx.executeQuery(insertSuccessor(args));
          await trx.executeQuery(bumpSession(args));
          return true;
        }),
    );
  };
}

/**
 * PostgreSQL: the same three writes as one statement (data-modifying CTEs),
 * one round trip and atomic. A concurrent rotation of the same token waits
 * on the row lock, then re-checks `state = 'live'` and changes nothing.
 */
function createPostgresRotation(db: Kysely<TesseraDatabase>): (rotation: Rotation) => Promise<boolean> {
  const bigint = (name: string) => sql`cast(${param<number>(name)} as bigint)`;
  const text = (name: string) => sql`cast(${param<string>(name)} as text)`;
  const rotate = prepareQuery<{ hash: string }, RotationArgs>(
    sql<{ hash: string }>`
      with spent as (${spendPresented(db).returning("session_id")}),
      bumped as (
        update sessions set last_refreshed_at = ${bigint("rotatedAt")}
        where id in (select session_id from spent) returning id
      )
      insert into refresh_tokens (hash, session_id, user_id, state, issued_at, expires_at, rotated_at, rotation_nonce, successor_hash)
      select ${text("successorHash")}, bumped.id, ${text("successorUserId")}, 'live', ${bigint("successorIssuedAt")}, ${bigint("successorExpiresAt")}, null, null, null
      from bumped
      returning hash`.compile(db),
  );
  return async (rotation) => (await db.executeQuery(rotate(toArgs(rotation)))).rows.length === 1;
}

/** The atomic `rotateRefreshToken` for a dialect. */
export function createRotation(db: Kysely<TesseraDatabase>, dialect: SqlDialect, runSync: SqliteSyncRunner): (rotation: Rotation) => Promise<boolean> {
  return dialect === "postgres" ? createPostgresRotation(db) : createSqliteRotation(db, runSync);
}
