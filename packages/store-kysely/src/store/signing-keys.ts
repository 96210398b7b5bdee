import type { Kysely } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";

/**
 * A signing key's metadata. The key material is never stored: the reference
 * server derives it from its SECRET and the `kid`.
 */
export interface StoredSigningKey {
  readonly kid: string;
  readonly alg: "HS256";
  readonly createdAt: number;
  readonly retiredAt: number | null;
}

/** The signing-key metadata methods of the SQL store. */
export interface SigningKeyStore {
  /** Every key, oldest first. */
  listSigningKeys(): Promise<readonly StoredSigningKey[]>;
  /** Records a new key; throws when the kid exists. */
  insertSigningKey(key: StoredSigningKey): Promise<void>;
  /** Compare-and-set: retires a key that is not retired yet; false if it was, or is unknown. */
  retireSigningKey(kid: string, at: number): Promise<boolean>;
}

/** Signing-key metadata in SQL. */
export function createSigningKeyStore(db: Kysely<TesseraDatabase>): SigningKeyStore {
  return {
    async listSigningKeys() {
      const rows = await db.selectFrom("signing_keys").selectAll().orderBy("created_at").orderBy("kid").execute();
      return rows.map((row) => ({ kid: row.kid, alg: row.alg, createdAt: Number(row.created_at), retiredAt: row.retired_at === null ? null : Number(row.retired_at) }));
    },
    async insertSigningKey(key) {
      await db.insertInto("signing_keys").values({ kid: key.kid, alg: key.alg, created_at: key.createdAt, retired_at: key.retiredAt }).execute();
    },
    async retireSigningKey(kid, at) {
      const result = await db.updateTable("signing_keys").set({ retired_at: at }).where("kid", "=", kid).where("retired_at", "is", null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
