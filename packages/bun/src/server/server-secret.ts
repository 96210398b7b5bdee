import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ConfigError, decodeBase64url, encodeBase64url } from "@tessera/core";
import { webRandom } from "@tessera/core/platform";
import type { ServerConfig } from "./server-config.ts";

/** Where the generated secret lives: beside the SQLite file, or where TESSERA_SECRET_FILE says. */
function secretPath(config: ServerConfig): string | null {
  if (config.secretFile !== null) return config.secretFile;
  if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) return null;
  const path = config.databaseUrl.startsWith("sqlite:") ? config.databaseUrl.slice("sqlite:".length) : config.databaseUrl;
  return path === ":memory:" ? null : join(dirname(path), "secret");
}

/**
 * The server's secret, from which every signing key is derived. SECRET wins;
 * otherwise 32 random bytes are generated once and kept in a 0600 file, so a
 * restart logs nobody out. With PostgreSQL every instance must share the
 * secret, so it must be given. With an in-memory database a per-process secret
 * is drawn (nothing outlives the process anyway).
 */
export function loadServerSecret(config: ServerConfig): Uint8Array {
  if (config.secret !== null) return new TextEncoder().encode(config.secret);
  const path = secretPath(config);
  if (path === null) {
    if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
      throw new ConfigError("SECRET", "SECRET is required with PostgreSQL: every instance must sign and verify with the same secret (set SECRET or TESSERA_SECRET_FILE)");
    }
    return webRandom.bytes(32);
  }
  try {
    const stored = decodeBase64url(readFileSync(path, "utf8").trim());
    if (stored === null || stored.length < 32) throw new ConfigError("TESSERA_SECRET_FILE", `${path} does not hold a base64url secret of at least 32 bytes; delete it to generate a new one (everyone will be logged out)`);
    return stored;
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") throw error;
  }
  const secret = webRandom.bytes(32);
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, encodeBase64url(secret) + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process (the CLI, a second start) wrote it first: use theirs.
    if ((error as { code?: string }).code === "EEXIST") return loadServerSecret(config);
    throw error;
  }
  chmodSync(path, 0o600);
  return secret;
}
