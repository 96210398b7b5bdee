import type { RefreshRecords, SessionAndUser, StaticTokenAndUser } from "@tessera/core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";
import { param, type PreparedQuery, prepareQuery } from "./prepared-query.ts";
import {
  refreshTokenColumns,
  sessionColumns,
  sessionRotationColumns,
  type SessionRotationRow,
  staticTokenColumns,
  toRefreshTokenRecord,
  toSessionRecord,
  toStaticTokenRecord,
  toUserRecord,
  userColumns,
} from "./row-mappers.ts";

/** A row of a joined read: each table's columns under its alias's prefix (`t_hash`, `s_id`, `u_email`...). */
export type JoinedRow = Readonly<Record<string, unknown>>;

/** A table's columns in a joined read: each column's name and the name it is selected as. */
type Fields = readonly (readonly [column: string, as: string])[];

const fieldsOf = (alias: string, columns: readonly string[]): Fields => columns.map((column) => [column, `${alias}_${column}`] as const);
const token = fieldsOf("t", refreshTokenColumns);
const successor = fieldsOf("n", refreshTokenColumns);
const session = fieldsOf("s", sessionColumns);
const family = fieldsOf("s", sessionRotationColumns);
const user = fieldsOf("u", userColumns);
const staticToken = fieldsOf("k", staticTokenColumns);

const selectList = (alias: string, fields: Fields): RawBuilder<unknown> =>
  sql.join(fields.map(([column, as]) => sql`${sql.ref(`${alias}.${column}`)} as ${sql.ref(as)}`));

// One table's columns out of a joined row, under their own names.
function columnsOf(row: JoinedRow, fields: Fields): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [column, as] of fields) columns[column] = row[as];
  return columns;
}

// One table's record out of a joined row; null when the outer join found no row.
function recordOf<T>(row: JoinedRow, fields: Fields, to: (columns: never) => T): T | null {
  const key = row[fields[0]![1]];
  if (key === null || key === undefined) return null;
  return to(columnsOf(row, fields) as never);
}

/** The combined reads' queries, each one statement, compiled once. */
export interface CombinedReadQueries {
  readonly refreshRecords: PreparedQuery<JoinedRow, { hash: string }>;
  readonly sessionAndUser: PreparedQuery<JoinedRow, { sessionId: string; userId: string }>;
  readonly staticTokenAndUser: PreparedQuery<JoinedRow, { hash: string }>;
}

/**
 * Each combined read as one statement: on SQLite one read transaction without
 * a BEGIN and a COMMIT around two or three look-ups, on PostgreSQL one round
 * trip instead of two. The results are what the single look-ups return:
 * - a refresh token with its session (the inner join is the single look-up's
 *   orphan check: a token row outlives its session until prune's sweep, and
 *   the session's rotation columns say whether the token is live), its user
 *   and, when it is the token the session's last rotation spent, its
 *   successor: the session's live token.
 * - a session and a user by their own keys, each there or not: the one-row
 *   `(select 1)` holds the row when neither is.
 * - a static token and its user.
 */
export function createCombinedReadQueries(db: Kysely<TesseraDatabase>): CombinedReadQueries {
  return {
    refreshRecords: prepareQuery(
      sql<JoinedRow>`select ${selectList("t", token)}, ${selectList("s", session)}, ${selectList("s", family)}, ${selectList("u", user)}, ${selectList("n", successor)}
        from refresh_tokens t
        join sessions s on s.id = t.session_id
        left join users u on u.id = t.user_id
        left join refresh_tokens n on s.previous_hash = t.hash and n.hash = s.current_hash
        where t.hash = ${param("hash")}`.compile(db),
    ),
    sessionAndUser: prepareQuery(
      sql<JoinedRow>`select ${selectList("s", session)}, ${selectList("u", user)}
        from (select 1 as one) as here
        left join sessions s on s.id = ${param("sessionId")}
        left join users u on u.id = ${param("userId")}`.compile(db),
    ),
    staticTokenAndUser: prepareQuery(
      sql<JoinedRow>`select ${selectList("k", staticToken)}, ${selectList("u", user)}
        from static_tokens k
        left join users u on u.id = k.user_id
        where k.hash = ${param("hash")}`.compile(db),
    ),
  };
}

/** The records of a row of {@link CombinedReadQueries.refreshRecords}; all null when there is no row. */
export function toRefreshRecords(row: JoinedRow | undefined): RefreshRecords {
  if (row === undefined) return { token: null, session: null, successor: null, user: null };
  // The session's rotation columns decide the token's state; they can all be null, so they are not a record of their own.
  const rotation = columnsOf(row, family) as SessionRotationRow;
  const toToken = (columns: Parameters<typeof toRefreshTokenRecord>[0]) => toRefreshTokenRecord(columns, rotation);
  return {
    token: recordOf(row, token, toToken),
    session: recordOf(row, session, toSessionRecord),
    successor: recordOf(row, successor, toToken),
    user: recordOf(row, user, toUserRecord),
  };
}

/** The records of the row of {@link CombinedReadQueries.sessionAndUser}. */
export function toSessionAndUser(row: JoinedRow | undefined): SessionAndUser {
  if (row === undefined) return { session: null, user: null };
  return { session: recordOf(row, session, toSessionRecord), user: recordOf(row, user, toUserRecord) };
}

/** The records of a row of {@link CombinedReadQueries.staticTokenAndUser}; both null when there is no row. */
export function toStaticTokenAndUser(row: JoinedRow | undefined): StaticTokenAndUser {
  if (row === undefined) return { token: null, user: null };
  return { token: recordOf(row, staticToken, toStaticTokenRecord), user: recordOf(row, user, toUserRecord) };
}
