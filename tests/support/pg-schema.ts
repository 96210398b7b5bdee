import pg from "pg";

// A PostgreSQL schema of a test's own: its URL sets `search_path` to it, so that
// runtimes and test files running at once on one database never see each
// other's rows.

interface PgSchema {
  readonly name: string;
  /** The base URL with `search_path` set to this schema. */
  readonly url: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** Runs one statement on a connection of its own to `url`. */
async function runStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `url` with `search_path` set to `schema`. */
function urlInSchema(url: string, schema: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** Creates a schema with a fresh name that starts with `prefix` (e.g. `tessera_test`); the caller drops it. */
async function createPgSchema(baseUrl: string, prefix: string): Promise<PgSchema> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
  await runStatement(baseUrl, `create schema ${name}`);
  return { name, url: urlInSchema(baseUrl, name), drop: () => runStatement(baseUrl, `drop schema if exists ${name} cascade`) };
}

/** Something opened in a schema of its own, and the way to close it and drop the schema. */
export interface OpenedInPgSchema<T> {
  readonly opened: T;
  /** The schema's URL, to open it a second time. */
  readonly url: string;
  /** Closes what was opened, then drops the schema, even when the close throws. */
  closeAndDrop(): Promise<void>;
}

/**
 * Creates a schema and opens something in it (a store); if `open` throws, the
 * schema is dropped before the error goes on, so that no schema leaks.
 *
 * @example
 * const { opened: store, closeAndDrop } = await openInPgSchema(baseUrl, "tessera_test", (url) => openStore(url));
 */
export async function openInPgSchema<T extends { close(): Promise<void> }>(baseUrl: string, prefix: string, open: (url: string) => Promise<T>): Promise<OpenedInPgSchema<T>> {
  const schema = await createPgSchema(baseUrl, prefix);
  let opened: T | undefined;
  try {
    opened = await open(schema.url);
  } finally {
    if (opened === undefined) await schema.drop();
  }
  const store = opened;
  return {
    opened: store,
    url: schema.url,
    async closeAndDrop() {
      try {
        await store.close();
      } finally {
        await schema.drop();
      }
    },
  };
}

/**
 * Creates a schema, runs `work` on its URL and drops the schema however `work` ends.
 *
 * @example
 * await withPgSchema(process.env["TEST_PG_URL"] as string, "tessera_two", async (url) => { ... });
 */
export async function withPgSchema<T>(baseUrl: string, prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const schema = await createPgSchema(baseUrl, prefix);
  try {
    return await work(schema.url);
  } finally {
    await schema.drop();
  }
}
