/**
 * A database URL fit to print: the password, whether in the userinfo or in a
 * `password`-like query parameter, becomes `***`. A URL that does not parse is
 * shown only by its scheme, since where its password starts cannot be known.
 * A SQLite path (`sqlite:./data/tessera.db`) holds no secret and is kept.
 *
 * @example
 * redactDatabaseUrl("postgres://app:p@ss@db:5432/auth?sslmode=require"); // "postgres://app:***@db:5432/auth?sslmode=require"
 */
export function redactDatabaseUrl(databaseUrl: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl)) return databaseUrl;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return `${databaseUrl.slice(0, databaseUrl.indexOf("://"))}://***`;
  }
  if (url.password !== "") url.password = "***";
  for (const name of [...url.searchParams.keys()]) if (/pass/i.test(name)) url.searchParams.set(name, "***");
  return url.href.replace(/%2A%2A%2A/g, "***");
}
