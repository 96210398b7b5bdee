import { type Kysely, type Migration, sql } from "kysely";
import { detectSqlDialect } from "../store/sql-dialect.ts";

/**
 * Keys `refresh_tokens` by `(session_id, issued_at, hash)`, with `hash`
 * unique on its own index, and drops the `session_id` index that the key now
 * covers.
 *
 * On SQLite the table is clustered by that key (WITHOUT ROWID), so a
 * session's tokens sit in issue order and a rotation's spent token and its
 * successor share a leaf page; together with the session row no longer being
 * rewritten on every rotation (its `lastRefreshedAt` is now read off its newest
 * token), a rotation dirties three pages instead of five: the token leaf, the
 * hash index and the expiry index. Each page is a WAL frame, two `pwrite`s.
 * SQLite cannot change a primary key in place, so the table is rebuilt; the
 * migrator runs each migration in a transaction with its own bookkeeping, so
 * a crash leaves either the old table or the new one.
 *
 * On PostgreSQL (heap tables, no clustering) the same key and index are set
 * with ALTER TABLE, so that both dialects share one schema.
 */
export const clusterRefreshTokens: Migration = {
  async up(db: Kysely<any>) {
    if (detectSqlDialect(db) === "postgres") {
      await sql`alter table refresh_tokens drop constraint refresh_tokens_pkey`.execute(db);
      await sql`alter table refresh_tokens add constraint refresh_tokens_pkey primary key (session_id, issued_at, hash)`.execute(db);
      await db.schema.createIndex("refresh_tokens_hash").on("refresh_tokens").unique().column("hash").execute();
      await db.schema.dropIndex("refresh_tokens_session").execute();
      return;
    }
    await sql`
      create table refresh_tokens_next (
        hash text not null,
        session_id text not null references sessions (id) on delete cascade,
        user_id text not null,
        state text not null check (state in ('live', 'rotated')),
        issued_at bigint not null,
        expires_at bigint not null,
        rotated_at bigint,
        rotation_nonce text,
        successor_hash text,
        primary key (session_id, issued_at, hash)
      ) without rowid`.execute(db);
    await sql`
      insert into refresh_tokens_next (hash, session_id, user_id, state, issued_at, expires_at, rotated_at, rotation_nonce, successor_hash)
      select hash, session_id, user_id, state, issued_at, expires_at, rotated_at, rotation_nonce, successor_hash from refresh_tokens`.execute(db);
    await sql`drop table refresh_tokens`.execute(db);
    await sql`alter table refresh_tokens_next rename to refresh_tokens`.execute(db);
    await db.schema.createIndex("refresh_tokens_hash").on("refresh_tokens").unique().column("hash").execute();
    await db.schema.createIndex("refresh_tokens_expires_at").on("refresh_tokens").column("expires_at").execute();
  },
  async down(db: Kysely<any>) {
    if (detectSqlDialect(db) === "postgres") {
      await db.schema.createIndex("refresh_tokens_session").on("refresh_tokens").column("session_id").execute();
      await db.schema.dropIndex("refresh_tokens_hash").execute();
      await sql`alter table refresh_tokens drop constraint refresh_tokens_pkey`.execute(db);
      await sql`alter table refresh_tokens add constraint refresh_tokens_pkey primary key (hash)`.execute(db);
      return;
    }
    throw new Error("0002-cluster-refresh-tokens cannot be undone on SQLite; restore a backup taken before it ran");
  },
};
