import type { Kysely, Migration, MigrationProvider } from "kysely";
import { sql } from "kysely";

/**
 * Migrations for both dialects, written once with Kysely's schema builder. The only dialect
 * difference is the auto-increment column type, handled by `increments()`. Applied in name
 * order; a released migration is never edited: a change is a new one.
 */
export function migrations(dialect: "sqlite" | "postgres"): MigrationProvider {
  const increments = dialect === "postgres" ? sql`bigserial` : sql`integer`;
  const list: Record<string, Migration> = {
    "2026-11-22-001-initial": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("audit_events")
          .addColumn("seq", increments, (c) =>
            dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey(),
          )
          .addColumn("id", "text", (c) => c.notNull().unique())
          .addColumn("at", "bigint", (c) => c.notNull())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("subject", "text", (c) => c.notNull())
          .addColumn("purpose", "text", (c) => c.notNull())
          .addColumn("code_id", "text")
          .addColumn("channel", "text")
          .addColumn("destination", "text")
          .addColumn("message_kind", "text")
          .addColumn("message_id", "text")
          .addColumn("error", "text")
          .addColumn("retryable", "integer")
          .addColumn("attempts_remaining", "integer")
          .addColumn("locked_until", "bigint")
          .addColumn("reason", "text")
          .addColumn("test", "integer", (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createIndex("audit_events_subject")
          .on("audit_events")
          .columns(["subject", "purpose", "at"])
          .execute();
        await db.schema
          .createIndex("audit_events_message")
          .on("audit_events")
          .column("message_id")
          .execute();
        await db.schema
          .createTable("api_keys")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("secret_hash", "text", (c) => c.notNull())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("revoked_at", "bigint")
          .execute();
        await db.schema
          .createTable("verifications")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("subject", "text", (c) => c.notNull())
          .addColumn("purpose", "text", (c) => c.notNull())
          .addColumn("code_id", "text")
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("channel", "text")
          .addColumn("destination", "text")
          .addColumn("return_url", "text")
          .addColumn("locale", "text")
          .addColumn("api_key_id", "text")
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("expires_at", "bigint", (c) => c.notNull())
          .addColumn("completed_at", "bigint")
          .execute();
        await db.schema
          .createIndex("verifications_subject")
          .on("verifications")
          .columns(["subject", "purpose"])
          .execute();
        await db.schema
          .createIndex("verifications_code")
          .on("verifications")
          .column("code_id")
          .execute();
      },
    },
    "2026-12-01-002-hubspot": {
      // The HubSpot app's rows (see HubSpotAppStorage in @otpkit/hubspot-adapter and
      // db/hubspot-storage.ts). Portal ids and times are BIGINT: HubSpot's portal ids have no
      // 32-bit bound, and times are epoch milliseconds.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("hubspot_tokens")
          .addColumn("portal_id", "bigint", (c) => c.primaryKey())
          .addColumn("sealed", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("hubspot_settings")
          .addColumn("portal_id", "bigint", (c) => c.primaryKey())
          .addColumn("json", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("hubspot_oauth_states")
          .addColumn("state", "text", (c) => c.primaryKey())
          .addColumn("expires_at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("hubspot_oauth_states_expires")
          .on("hubspot_oauth_states")
          .column("expires_at")
          .execute();
        await db.schema
          .createTable("hubspot_callback_results")
          .addColumn("portal_id", "bigint", (c) => c.notNull())
          .addColumn("callback_id", "text", (c) => c.notNull())
          .addColumn("result", "text", (c) => c.notNull())
          .addColumn("expires_at", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("hubspot_callback_results_pk", ["portal_id", "callback_id"])
          .execute();
        await db.schema
          .createIndex("hubspot_callback_results_expires")
          .on("hubspot_callback_results")
          .column("expires_at")
          .execute();
        // due_at = claim_until ?? expires_at, kept by every write, so the due list is one index
        // range. The trailing key columns make each list's ORDER BY the index order: a bounded
        // list stops after `limit` rows instead of sorting every match.
        await db.schema
          .createTable("hubspot_pending_callbacks")
          .addColumn("portal_id", "bigint", (c) => c.notNull())
          .addColumn("callback_id", "text", (c) => c.notNull())
          .addColumn("subject", "text", (c) => c.notNull())
          .addColumn("purpose", "text", (c) => c.notNull())
          .addColumn("expires_at", "bigint", (c) => c.notNull())
          .addColumn("claim_until", "bigint")
          .addColumn("outcome", "text")
          .addColumn("due_at", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("hubspot_pending_callbacks_pk", ["portal_id", "callback_id"])
          .execute();
        await db.schema
          .createIndex("hubspot_pending_callbacks_subject")
          .on("hubspot_pending_callbacks")
          .columns(["portal_id", "subject", "purpose", "expires_at", "callback_id"])
          .execute();
        await db.schema
          .createIndex("hubspot_pending_callbacks_due")
          .on("hubspot_pending_callbacks")
          .columns(["due_at", "portal_id", "callback_id"])
          .execute();
      },
    },
    "2026-12-02-003-verification-recipient": {
      // The hosted page's "Send a new code" needs the recipient again (otp.issue takes it; the
      // engine's record is the subject's, not the verification's). Sealed, see
      // db/sealed-recipient.ts; null for rows made before, which then offer no new code.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("verifications").addColumn("recipient", "text").execute();
      },
    },
    "2026-12-03-004-verification-codes": {
      // Every code of each verification (audit entries carry the code id; db/audit.ts joins them
      // to their verification at read time). Existing rows bring their current code.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("verification_codes")
          .addColumn("code_id", "text", (c) => c.primaryKey())
          .addColumn("verification_id", "text", (c) => c.notNull())
          .execute();
        await sql`INSERT INTO verification_codes (code_id, verification_id)
          SELECT code_id, MIN(id) FROM verifications WHERE code_id IS NOT NULL GROUP BY code_id`.execute(
          db,
        );
      },
    },
  };
  return { getMigrations: async () => list };
}
