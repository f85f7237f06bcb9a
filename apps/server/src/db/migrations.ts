import type { Kysely, Migration, MigrationProvider } from "kysely";
import { sql } from "kysely";

/**
 * Migrations for both dialects, written once with Kysely's schema builder. The only dialect
 * difference is the auto-increment column type, handled by `increments()`.
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
  };
  return { getMigrations: async () => list };
}
