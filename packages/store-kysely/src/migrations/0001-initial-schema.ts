import { type Kysely, type Migration, sql } from "kysely";
import { detectSqlDialect } from "../store/sql-dialect.ts";

/**
 * Users, sessions, refresh tokens, static tokens, rate-limit windows and
 * signing-key metadata, with an index for every look-up and prune query.
 */
export const initialSchema: Migration = {
  async up(db: Kysely<any>) {
    // PostgreSQL compares text by the locale's collation; "C" orders by code
    // point like SQLite and JavaScript, and makes key indexes cheaper.
    const postgres = detectSqlDialect(db) === "postgres";
    const text = postgres ? sql`text collate "C"` : sql`text`;
    const time = "bigint";
    // SQLite: a table keyed by text is otherwise a rowid B-tree plus a
    // separate primary-key index; WITHOUT ROWID stores rows in the key's
    // B-tree, so a rotation dirties fewer pages (each one a WAL frame).
    const clustered = <T extends { modifyEnd(node: ReturnType<typeof sql>): T }>(builder: T): T => (postgres ? builder : builder.modifyEnd(sql`without rowid`));

    await clustered(db.schema.createTable("users"))
      .addColumn("id", text, (c) => c.primaryKey())
      .addColumn("email", text, (c) => c.notNull())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'suspended')`))
      .addColumn("created_at", time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("users_email_lower_unique").on("users").unique().expression(sql`lower(email)`).execute();

    await clustered(db.schema.createTable("sessions"))
      .addColumn("id", text, (c) => c.primaryKey())
      .addColumn("user_id", text, (c) => c.notNull())
      .addColumn("created_at", time, (c) => c.notNull())
      .addColumn("expires_at", time)
      .addColumn("last_refreshed_at", time, (c) => c.notNull())
      .addColumn("revoked_at", time)
      .addColumn("revoked_reason", "text")
      .addColumn("ip", "text")
      .addColumn("user_agent", "text")
      .execute();
    await db.schema.createIndex("sessions_user_created").on("sessions").columns(["user_id", "created_at"]).execute();
    await db.schema.createIndex("sessions_revoked_at").on("sessions").column("revoked_at").where(sql.ref("revoked_at"), "is not", null).execute();

    await clustered(db.schema.createTable("refresh_tokens"))
      .addColumn("hash", text, (c) => c.primaryKey())
      .addColumn("session_id", text, (c) => c.notNull().references("sessions.id").onDelete("cascade"))
      .addColumn("user_id", text, (c) => c.notNull())
      .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('live', 'rotated')`))
      .addColumn("issued_at", time, (c) => c.notNull())
      .addColumn("expires_at", time, (c) => c.notNull())
      .addColumn("rotated_at", time)
      .addColumn("rotation_nonce", "text")
      .addColumn("successor_hash", text)
      .execute();
    await db.schema.createIndex("refresh_tokens_session").on("refresh_tokens").column("session_id").execute();
    await db.schema.createIndex("refresh_tokens_expires_at").on("refresh_tokens").column("expires_at").execute();

    await clustered(db.schema.createTable("static_tokens"))
      .addColumn("user_id", text, (c) => c.primaryKey())
      .addColumn("hash", text, (c) => c.notNull().unique())
      .addColumn("created_at", time, (c) => c.notNull())
      .addColumn("last_used_at", time)
      .execute();

    await clustered(db.schema.createTable("rate_limits"))
      .addColumn("key", text, (c) => c.primaryKey())
      .addColumn("window_start", time, (c) => c.notNull())
      .addColumn("reset_at", time, (c) => c.notNull())
      .addColumn("hits", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("rate_limits_reset_at").on("rate_limits").column("reset_at").execute();

    await clustered(db.schema.createTable("signing_keys"))
      .addColumn("kid", text, (c) => c.primaryKey())
      .addColumn("alg", "text", (c) => c.notNull())
      .addColumn("created_at", time, (c) => c.notNull())
      .addColumn("retired_at", time)
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ["signing_keys", "rate_limits", "static_tokens", "refresh_tokens", "sessions", "users"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
