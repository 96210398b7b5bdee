import { type Kysely, type Migration, sql } from "kysely";
import { detectSqlDialect } from "../store/sql-dialect.ts";

/**
 * Drops `refresh_tokens`' two secondary indexes (`session_id`, `expires_at`)
 * and its foreign key to `sessions`, so that a rotation writes only the rows it
 * changes: on SQLite the spent token's leaf, the successor's leaf and the
 * session row, about 4 WAL frames instead of 7 (each frame two `pwrite`s).
 *
 * The indexes served prune and the cascade alone; no request reads by them.
 * Prune now sweeps `refresh_tokens` by key range instead, and a token whose
 * session prune has deleted stays behind until the sweep reaches it; the
 * look-ups treat such a row as absent, so nothing a client sees changes.
 *
 * SQLite cannot drop a foreign key in place, so the table is rebuilt (its
 * rows copied in key order); the migrator runs each migration in a
 * transaction with its own bookkeeping, so a crash leaves either the old table
 * or the new one. On a large file the copy holds the write lock for a while:
 * upgrade while the server is stopped, after a backup.
 */
export const unindexedRefreshTokens: Migration = {
  async up(db: Kysely<any>) {
    if (detectSqlDialect(db) === "postgres") {
      await sql`alter table refresh_tokens drop constraint if exists refresh_tokens_session_id_fkey`.execute(db);
      await db.schema.dropIndex("refresh_tokens_session").ifExists().execute();
      await db.schema.dropIndex("refresh_tokens_expires_at").ifExists().execute();
      return;
    }
    await sql`
      create table refresh_tokens_next (
        hash text primary key,
        session_id text not null,
        user_id text not null,
        state text not null check (state in ('live', 'rotated')),
        issued_at bigint not null,
        expires_at bigint not null,
        rotated_at bigint,
        rotation_nonce text,
        successor_hash text
      ) without rowid`.execute(db);
    await sql`
      insert into refresh_tokens_next (hash, session_id, user_id, state, issued_at, expires_at, rotated_at, rotation_nonce, successor_hash)
      select hash, session_id, user_id, state, issued_at, expires_at, rotated_at, rotation_nonce, successor_hash from refresh_tokens order by hash`.execute(db);
    await sql`drop table refresh_tokens`.execute(db);
    await sql`alter table refresh_tokens_next rename to refresh_tokens`.execute(db);
  },
  async down() {
    throw new Error("0002-unindexed-refresh-tokens cannot be undone; restore a backup taken before it ran");
  },
};
