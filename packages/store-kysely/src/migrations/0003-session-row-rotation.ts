import { type Kysely, type Migration, sql } from "kysely";
import { detectSqlDialect } from "../store/sql-dialect.ts";

/**
 * Moves a token family's state from its token rows into its session row, so
 * that a rotation writes two rows (the session, and the successor's insert)
 * instead of three: on SQLite about 3 WAL frames instead of 4, and a third
 * less time in raw bun:sqlite (`bench/rotation-models.ts`).
 *
 * `sessions` gains `current_hash` (its live refresh token) and the facts of
 * its last rotation: `previous_hash`, `previous_rotated_at`,
 * `previous_nonce`. A rotation is a compare-and-set on `current_hash`.
 * `refresh_tokens` loses `state`, `rotated_at`, `rotation_nonce` and
 * `successor_hash`: a row is written once, at issue. The rotation facts of
 * tokens spent before a session's last rotation are not carried over (their
 * times and the chain of successors, which nothing decides on): their
 * successors have been spent, so the retry grace cannot apply to them, and
 * presenting one is reuse either way.
 *
 * SQLite rebuilds `refresh_tokens` (as 0002 did; copied in key order) after
 * filling the new columns through a temporary index on `session_id`, which
 * goes with the old table. The migrator runs each migration in a transaction
 * with its own bookkeeping, so a crash leaves the old schema or the new one.
 * On a large file this holds the write lock for a while: upgrade while the
 * server is stopped, after a backup.
 */
export const sessionRowRotation: Migration = {
  async up(db: Kysely<any>) {
    const postgres = detectSqlDialect(db) === "postgres";
    const text = postgres ? sql`text collate "C"` : sql`text`;
    await db.schema.alterTable("sessions").addColumn("current_hash", text).execute();
    await db.schema.alterTable("sessions").addColumn("previous_hash", text).execute();
    await db.schema.alterTable("sessions").addColumn("previous_rotated_at", "bigint").execute();
    await db.schema.alterTable("sessions").addColumn("previous_nonce", "text").execute();
    if (postgres) {
      // One pass: each session's live token (the newest, as on SQLite, should there be two) and the token it succeeded.
      await sql`
        update sessions s
        set current_hash = live.hash, previous_hash = spent.hash, previous_rotated_at = spent.rotated_at, previous_nonce = spent.rotation_nonce
        from (
          select distinct on (session_id) session_id, hash from refresh_tokens where state = 'live' order by session_id, issued_at desc, hash
        ) live
        left join refresh_tokens spent on spent.session_id = live.session_id and spent.state = 'rotated' and spent.successor_hash = live.hash
        where s.id = live.session_id`.execute(db);
      await sql`
        alter table refresh_tokens drop column state, drop column rotated_at, drop column rotation_nonce, drop column successor_hash`.execute(db);
      await sql`analyze sessions`.execute(db);
      return;
    }
    await sql`create index refresh_tokens_migrating on refresh_tokens(session_id)`.execute(db);
    await sql`
      update sessions set current_hash = (
        select t.hash from refresh_tokens t where t.session_id = sessions.id and t.state = 'live' order by t.issued_at desc, t.hash limit 1)`.execute(db);
    await sql`
      update sessions set (previous_hash, previous_rotated_at, previous_nonce) = (
        select t.hash, t.rotated_at, t.rotation_nonce from refresh_tokens t
        where t.session_id = sessions.id and t.state = 'rotated' and t.successor_hash = sessions.current_hash limit 1)
      where current_hash is not null`.execute(db);
    await sql`
      create table refresh_tokens_next (
        hash text primary key,
        session_id text not null,
        user_id text not null,
        issued_at bigint not null,
        expires_at bigint not null
      ) without rowid`.execute(db);
    await sql`
      insert into refresh_tokens_next (hash, session_id, user_id, issued_at, expires_at)
      select hash, session_id, user_id, issued_at, expires_at from refresh_tokens order by hash`.execute(db);
    await sql`drop table refresh_tokens`.execute(db);
    await sql`alter table refresh_tokens_next rename to refresh_tokens`.execute(db);
  },
  async down() {
    throw new Error("0003-session-row-rotation cannot be undone; restore a backup taken before it ran");
  },
};
