import pg from "pg";

const benchDatabase = "tessera_bench";

/**
 * Recreates the bench's own PostgreSQL database on the server that `url`
 * points at, and returns a URL to it: the store and growth figures write a
 * million rows, which must not land in a database that tests share.
 *
 * @example
 * const url = await recreateBenchDatabase("postgres://postgres@127.0.0.1:5432/test");
 */
export async function recreateBenchDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop database if exists ${benchDatabase} with (force)`);
    await client.query(`create database ${benchDatabase}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${benchDatabase}`;
  return target.toString();
}

/** Drops the bench's database again; failures are ignored (the next run drops it first anyway). */
export async function dropBenchDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query(`drop database if exists ${benchDatabase} with (force)`);
  } catch {
    // Best effort.
  } finally {
    await client.end().catch(() => {});
  }
}
