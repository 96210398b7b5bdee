import { type RefreshTokenRecord, type Rotation, StoreError } from "@tessera/core";
import { type Kysely, sql } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";
import { param, type PreparedQuery, prepareQuery } from "./prepared-query.ts";
import { changedRows } from "./row-mappers.ts";
import type { SqlDialect } from "./sql-dialect.ts";
import { inWriteTransaction, type SqliteSyncRunner } from "./sqlite-sync-runner.ts";

// A type alias, not an interface: prepared-query arguments must be indexable.
export type RotationArgs = {
  readonly presentedHash: string;
  readonly sessionId: string;
  readonly rotatedAt: number;
  readonly rotationNonce: string;
  readonly successorHash: string;
  readonly successorUserId: string;
  readonly successorIssuedAt: number;
  readonly successorExpiresAt: number;
};

/**
 * Refuses a token that the store cannot write as given: a token row holds its
 * hash, session, user and times only (migration 0003), and a new token is
 * live by becoming its session's `current_hash`. So a token written (a new
 * session's first, a rotation's successor) must be a fresh live token of
 * `sessionId`: `what` names it in the error.
 */
export function requireFreshToken(token: RefreshTokenRecord, sessionId: string, what: string): void {
  if (token.sessionId !== sessionId || token.state !== "live" || token.rotatedAt !== null || token.rotationNonce !== null || token.successorHash !== null) {
    throw new StoreError(`${what} must be a fresh live token of its session`);
  }
}

const toArgs = (rotation: Rotation): RotationArgs => {
  const { successor } = rotation;
  requireFreshToken(successor, rotation.sessionId, "a rotation's successor");
  return {
    presentedHash: rotation.presentedHash,
    sessionId: rotation.sessionId,
    rotatedAt: rotation.rotatedAt,
    rotationNonce: rotation.rotationNonce,
    successorHash: successor.hash,
    successorUserId: successor.userId,
    successorIssuedAt: successor.issuedAt,
    successorExpiresAt: successor.expiresAt,
  };
};

/**
 * The compare-and-set, on the session row (migration 0003): the presented token must be the session's live one and
 * the session not revoked. It keeps the facts the retry grace needs (the spent token, its time and nonce) and makes
 * the successor live; token rows are never written again after their insert. SQLite's rotation runs it as it is.
 */
export function swapLiveToken(db: Kysely<TesseraDatabase>) {
  return db
    .updateTable("sessions")
    .set((eb) => ({
      current_hash: param<string>("successorHash"),
      previous_hash: eb.ref("current_hash"),
      previous_rotated_at: param<number>("rotatedAt"),
      previous_nonce: param<string>("rotationNonce"),
      last_refreshed_at: param<number>("rotatedAt"),
    }))
    .where("id", "=", param("sessionId"))
    .where("current_hash", "=", param("presentedHash"))
    .where("revoked_at", "is", null);
}

const successorRow = {
  hash: param<string>("successorHash"),
  session_id: param<string>("sessionId"),
  user_id: param<string>("successorUserId"),
  issued_at: param<number>("successorIssuedAt"),
  expires_at: param<number>("successorExpiresAt"),
};

/**
 * SQLite: one BEGIN IMMEDIATE transaction (writers are serialised by the
 * file's write lock): swap the session's live token, and only if the session
 * row changed insert the successor. Two rows written, about three WAL frames
 * (the session's leaf, the successor's leaf, and now and then a split). On
 * Tessera's driver the whole transaction runs synchronously, with no await
 * between statements.
 */
function createSqliteRotation(db: Kysely<TesseraDatabase>, runSync: SqliteSyncRunner): (rotation: Rotation) => Promise<boolean> {
  const swap = prepareQuery<never, RotationArgs>(swapLiveToken(db).compile());
  const insertSuccessor = prepareQuery<never, RotationArgs>(db.insertInto("refresh_tokens").values(successorRow).compile());
  return (rotation) => {
    const args = toArgs(rotation);
    return runSync(
      (sqlite) =>
        inWriteTransaction(sqlite, () => {
          if (sqlite.run(swap(args)) !== 1) return false;
          sqlite.run(insertSuccessor(args));
          return true;
        }),
      () =>
        db.transaction().execute(async (trx) => {
          if (changedRows(await trx.executeQuery(swap(args))) !== 1) return false;
          await trx.executeQuery(insertSuccessor(args));
          return true;
        }),
    );
  };
}

/**
 * PostgreSQL's rotation as one statement (a data-modifying CTE): the
 * compare-and-set, then the successor's insert only if a session row changed.
 */
export function postgresRotationQuery(db: Kysely<TesseraDatabase>): PreparedQuery<{ hash: string }, RotationArgs> {
  const bigint = (name: string) => sql`cast(${param<number>(name)} as bigint)`;
  const text = (name: string) => sql`cast(${param<string>(name)} as text)`;
  return prepareQuery(
    sql<{ hash: string }>`
      with swapped as (${swapLiveToken(db).returning("id")})
      insert into refresh_tokens (hash, session_id, user_id, issued_at, expires_at)
      select ${text("successorHash")}, swapped.id, ${text("successorUserId")}, ${bigint("successorIssuedAt")}, ${bigint("successorExpiresAt")}
      from swapped
      returning hash`.compile(db),
  );
}

/**
 * PostgreSQL: the same two writes as {@link postgresRotationQuery}, one
 * round trip and atomic. A concurrent rotation of the same token waits on
 * the session row's lock, then re-checks `current_hash` and changes nothing.
 */
function createPostgresRotation(db: Kysely<TesseraDatabase>): (rotation: Rotation) => Promise<boolean> {
  const rotate = postgresRotationQuery(db);
  return async (rotation) => (await db.executeQuery(rotate(toArgs(rotation)))).rows.length === 1;
}

/** The atomic `rotateRefreshToken` for a dialect. */
export function createRotation(db: Kysely<TesseraDatabase>, dialect: SqlDialect, runSync: SqliteSyncRunner): (rotation: Rotation) => Promise<boolean> {
  return dialect === "postgres" ? createPostgresRotation(db) : createSqliteRotation(db, runSync);
}
