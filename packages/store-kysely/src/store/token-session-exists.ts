import { type ExpressionBuilder, sql } from "kysely";
import type { TesseraDatabase } from "../tessera-database.ts";

/**
 * True where a `refresh_tokens` row's session is still there. No foreign key
 * cascades since migration 0002: a token row outlives its session until
 * prune's sweep reaches it, and the look-ups read such a row as absent.
 */
export function tokenSessionExists(eb: ExpressionBuilder<TesseraDatabase, "refresh_tokens">) {
  return eb.exists(eb.selectFrom("sessions").select(sql.lit(1).as("one")).whereRef("sessions.id", "=", "refresh_tokens.session_id"));
}
