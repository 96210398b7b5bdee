import pg from "pg";

/** The databases the bench owns on the PostgreSQL server: the store figures use the first, growth the second too. */
export const benchDatabases = ["tessera_bench", "tessera_bench_large"] as const;

/**
 * Recreates the bench's own PostgreSQL database on the server that `url`
 * points at, and returns a URL to it: the store and growth figures write a
 * million rows, which must not land in a database that tests share.
 *
 * @example
 * const url = await recreateBenchDatabase("postgres://postgres@127.0.0.1:5432/test");
 */
export async function recreateBenchDatabase(url: string, name: (typeof benchDatabases)[number] = "tessera_bench"): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Drops the bench's databases again; failures are ignored (the next run drops them first anyway). */
export async function dropBenchDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    for (const name of benchDatabases) await client.query(`drop database if exists ${name} with (force)`);
  } catch {
    // Best effort.
  } finally {
    await client.end().catch(() => {});
  }
}
