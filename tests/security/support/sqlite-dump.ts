import { Database } from "bun:sqlite";
import type { Haystack } from "./secret-search.ts";

/** Every column of every row of every table, as haystacks (blobs as UTF-8, latin1 and hex). Opened read-only. */
export function dumpSqlite(path: string): Haystack[] {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.query<{ name: string }, []>("select name from sqlite_master where type = 'table'").all();
    const haystacks: Haystack[] = [];
    for (const { name } of tables) {
      const rows = db.query<Record<string, unknown>, []>(`select * from "${name.replaceAll('"', '""')}"`).all();
      for (const [index, row] of rows.entries()) {
        for (const [column, value] of Object.entries(row)) {
          const label = `database ${name}.${column} (row ${index})`;
          if (value instanceof Uint8Array) {
            const buffer = Buffer.from(value);
            haystacks.push({ label, text: `${buffer.toString("utf8")}\n${buffer.toString("latin1")}\n${buffer.toString("hex")}` });
          } else haystacks.push({ label, text: String(value) });
        }
      }
    }
    return haystacks;
  } finally {
    db.close();
  }
}
