import { type PortName, portOrder, type RuntimeName } from "../runtime.ts";

/** What a benchmark server process is told to serve (passed as JSON on its command line). */
export interface ServerConfig {
  /**
   * `bare`: a hello-world server, the ceiling; `jwt-floor`: a hand-written
   * synchronous HS256 check of the bearer (a Tessera-issued token) answering
   * its subject, the floor of a stateless `/users/me`; `tessera`: the fetch
   * handler on the runtime's adapter; `seed`: store `seedSessions` sessions in
   * `sqlitePath`, print the ready line and exit (so that a server's RSS is not
   * inflated by memory the bulk load left behind).
   */
  readonly kind: "bare" | "jwt-floor" | "tessera" | "seed";
  readonly store: "memory" | "sqlite";
  readonly binding: "session" | "stateless";
  /** The crypto port, by name (`Bun.CryptoHasher` on Bun only). */
  readonly crypto: PortName;
  /** Sessions stored before listening (the growth figures); 0 for none. */
  readonly seedSessions: number;
  /** Logins whose refresh tokens are written to `tokensFile`, one chain per wrk connection. */
  readonly refreshChains: number;
  readonly workDir: string;
  /** A SQLite file to use instead of a fresh one (a file seeded beforehand). */
  readonly sqlitePath?: string;
}

/** What a server prints, as one JSON line, once it listens. */
export interface ServerReady {
  readonly port: number;
  readonly accessToken: string;
  readonly staticToken: string;
  /** A file of refresh tokens, one a line, or null for a bare server. */
  readonly tokensFile: string | null;
  /** Resident set size when ready, in bytes, as the server itself reads it. */
  readonly rss: number;
}

/** The prefix of the ready line on a server's stdout. */
export const readyMarker = "@@tessera-bench-ready ";

/** The crypto port a server on `runtime` uses: on Bun the one this run measured faster, elsewhere the first in {@link portOrder}. */
export function serverCrypto(runtime: RuntimeName, bunCrypto: PortName): PortName {
  return runtime === "bun" ? bunCrypto : (portOrder[runtime][0] as PortName);
}
