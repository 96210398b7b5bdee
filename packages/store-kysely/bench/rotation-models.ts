// What a rotation's write transaction costs on raw bun:sqlite under each schema the store has had (a benchmark, not a
// test): migration 0001's (a row per token that the rotation marks spent, indexes on session_id and expires_at, a
// cascading foreign key), 0002's (the same without the indexes and the foreign key), and the store's own since 0003
// (the "session-row" model: token rows never change; the compare-and-set and the facts of the last rotation live in
// the session row). Each variant's file holds the same sessions, with the store's pragmas; rounds interleave the
// variants, so load from elsewhere hits all alike. WAL frames a rotation are counted from the WAL's growth with
// automatic checkpoints off (each frame is two pwrite).
//
//   bun packages/store-kysely/bench/rotation-models.ts [--sessions=20000] [--rotations=1500] [--rounds=4]
//
// Only the last variant is what Tessera ships; its statements are rotate-refresh-token.ts's.
import { Database } from "bun:sqlite";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applySqlitePragmas } from "../src/sqlite/sqlite-options.ts";

const option = (name: string, fallback: number): number => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const value = found === undefined ? fallback : Number(found.slice(name.length + 3));
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer`);
  return value;
};
const sessionCount = option("sessions", 20_000);
const rotations = option("rotations", 1_500);
const rounds = option("rounds", 4);

const newHash = (): string => createHash("sha256").update(randomBytes(32)).digest("base64url");
const walFrameBytes = 24 + 4096;

const sessionsTable = `create table sessions (id text primary key, user_id text not null, created_at integer not null, expires_at integer,
  last_refreshed_at integer not null, revoked_at integer, revoked_reason text, ip text, user_agent text %EXTRA%) without rowid;
  create index sessions_user_created on sessions(user_id, created_at);`;
const tokenIndexes = "create index refresh_tokens_session on refresh_tokens(session_id); create index refresh_tokens_expires_at on refresh_tokens(expires_at);";

/** A schema and its rotation: `rotate` spends the session's live token and stores `next` in one write transaction. */
interface Variant {
  readonly name: string;
  readonly schema: string;
  readonly seed: (db: Database, id: string, userId: string, token: string, at: number) => void;
  readonly prepare: (db: Database) => (id: string, presented: string, next: string, now: number) => void;
}

const rowPerToken = (name: string, indexes: boolean): Variant => ({
  name,
  schema: `${sessionsTable.replace("%EXTRA%", "")}
    create table refresh_tokens (hash text primary key, session_id text not null ${indexes ? "references sessions(id) on delete cascade" : ""}, user_id text not null,
      state text not null, issued_at integer not null, expires_at integer not null, rotated_at integer, rotation_nonce text, successor_hash text) without rowid;
    ${indexes ? tokenIndexes : ""}`,
  seed(db, id, userId, token, at) {
    db.prepare("insert into sessions values (?, ?, ?, null, ?, null, null, null, null)").run(id, userId, at, at);
    db.prepare("insert into refresh_tokens values (?, ?, ?, 'live', ?, ?, null, null, null)").run(token, id, userId, at, at + 6e8);
  },
  prepare(db) {
    // The three statements of 0001 and 0002, with their compare-and-set on the token row.
    const spend = db.prepare(`update refresh_tokens set state = 'rotated', rotated_at = ?, rotation_nonce = ?, successor_hash = ?
      where hash = ? and state = 'live' and session_id = ? and exists (select 1 from sessions where id = ? and revoked_at is null)`);
    const insert = db.prepare("insert into refresh_tokens values (?, ?, 'u', 'live', ?, ?, null, null, null)");
    const bump = db.prepare("update sessions set last_refreshed_at = ? where id = ?");
    return (id, presented, next, now) => {
      db.run("begin immediate");
      if (spend.run(now, "nonce", next, presented, id, id).changes !== 1) throw new Error(`${name}: the presented token was not live`);
      insert.run(next, id, now, now + 6e8);
      bump.run(now, id);
      db.run("commit");
    };
  },
});

const sessionRow = (name: string, indexes: boolean): Variant => ({
  name,
  schema: `${sessionsTable.replace("%EXTRA%", ", current_hash text not null, previous_hash text, previous_rotated_at integer, previous_nonce text")}
    create table refresh_tokens (hash text primary key, session_id text not null ${indexes ? "references sessions(id) on delete cascade" : ""},
      user_id text not null, issued_at integer not null, expires_at integer not null) without rowid;
    ${indexes ? tokenIndexes : ""}`,
  seed(db, id, userId, token, at) {
    db.prepare("insert into sessions values (?, ?, ?, null, ?, null, null, null, null, ?, null, null, null)").run(id, userId, at, at, token);
    db.prepare("insert into refresh_tokens values (?, ?, ?, ?, ?)").run(token, id, userId, at, at + 6e8);
  },
  prepare(db) {
    // The compare-and-set moves to the session row; the spent token's own row is not written.
    const swap = db.prepare(`update sessions set current_hash = ?, previous_hash = current_hash, previous_rotated_at = ?, previous_nonce = ?, last_refreshed_at = ?
      where id = ? and current_hash = ? and revoked_at is null`);
    const insert = db.prepare("insert into refresh_tokens values (?, ?, ?, ?, ?)");
    return (id, presented, next, now) => {
      db.run("begin immediate");
      if (swap.run(next, now, "nonce", now, id, presented).changes !== 1) throw new Error(`${name}: the presented token was not live`);
      insert.run(next, id, "u", now, now + 6e8);
      db.run("commit");
    };
  },
});

const variants: readonly Variant[] = [
  rowPerToken("0001's schema (indexes, cascade)", true),
  rowPerToken("0002's schema (no indexes)", false),
  sessionRow("the store's schema (0003, session row)", false),
];

const dir = mkdtempSync(join(tmpdir(), "tessera-rotation-models-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

const prepared = variants.map((variant, index) => {
  const path = join(dir, `variant-${index}.db`);
  const db = new Database(path, { create: true });
  // The store's own pragmas (WAL, synchronous=NORMAL, the memory map, foreign keys), then no automatic checkpoint:
  // frames are counted from the WAL's growth, and each round ends with a checkpoint outside the timing.
  applySqlitePragmas({ exec: (sql: string) => db.run(sql) }, path, {});
  db.run("pragma wal_autocheckpoint = 0");
  db.run(variant.schema);
  const live = new Map<string, string>();
  db.transaction(() => {
    for (let i = 0; i < sessionCount; i++) {
      const id = newHash();
      const token = newHash();
      variant.seed(db, id, `u${i % 500}`, token, i);
      live.set(id, token);
    }
  })();
  db.run("pragma wal_checkpoint(TRUNCATE)");
  return { variant, db, path, live, ids: [...live.keys()], rotate: variant.prepare(db), next: 0 };
});

const walSize = (path: string): number => {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
};
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const times = prepared.map(() => [] as number[]);
const frames = prepared.map(() => [] as number[]);
for (let round = -1; round < rounds; round++) {
  // The order rotates each round; round -1 warms every variant up and is not counted.
  for (let k = 0; k < prepared.length; k++) {
    const index = (k + Math.max(round, 0)) % prepared.length;
    const entry = prepared[index]!;
    const walBefore = walSize(entry.path);
    const started = performance.now();
    for (let i = 0; i < rotations; i++) {
      const id = entry.ids[entry.next++ % entry.ids.length]!;
      const next = newHash();
      entry.rotate(id, entry.live.get(id)!, next, Date.now());
      entry.live.set(id, next);
    }
    const micros = ((performance.now() - started) * 1000) / rotations;
    if (round >= 0) {
      times[index]!.push(micros);
      frames[index]!.push((walSize(entry.path) - walBefore) / walFrameBytes / rotations);
    }
    entry.db.run("pragma wal_checkpoint(TRUNCATE)");
  }
}

console.log(`raw bun:sqlite rotation, ${sessionCount} sessions, ${rotations} rotations a round, ${rounds} rounds (WAL, synchronous=NORMAL, no checkpoint during a round)`);
console.log("variant                                   µs/rotation (median, range)   WAL frames/rotation");
prepared.forEach((entry, index) => {
  const t = times[index]!;
  const f = frames[index]!;
  console.log(`${entry.variant.name.padEnd(40)}  ${median(t).toFixed(1).padStart(6)} (${Math.min(...t).toFixed(1)}-${Math.max(...t).toFixed(1)})`.padEnd(72) + median(f).toFixed(2));
});
console.log("(each rotation also hashes 32 random bytes for its new token, about 2 µs, in every variant alike)");
for (const entry of prepared) entry.db.close();
