import { randomUUID } from "node:crypto";
import type { OtpEvent } from "@otpkit/otp-core";
import type { Insertable } from "kysely";
import { verificationIdsOf } from "./audit-verifications.js";
import type { AppDatabase } from "./database.js";
import type { WriteKind } from "./group-commit.js";
import type { AuditEventRow } from "./schema.js";
import { isDatabaseFailure } from "./write-failure.js";

/** Facts a provider reported after the engine's part was done (WhatsApp status webhooks). */
export type ProviderEventType = "delivery_status" | "fraud_signal";

/** One audit entry as the API returns it: an engine event or a provider report, persisted. */
export type AuditEntry = Omit<OtpEvent, "type"> & {
  id: string;
  type: OtpEvent["type"] | ProviderEventType;
  /** The verification whose code the entry concerns, when one was started for it. */
  verificationId?: string;
};

/** What the audit trail knows of one message we sent, found by the provider's message id. */
export interface SentMessage {
  subject: string;
  purpose: string;
  /** `code`, `retry`, `lockout` or `unlock`. */
  messageKind: string | null;
  codeId: string | null;
  verificationId: string | null;
}

/** A provider report about a message we sent, found by the provider's message id. */
export interface ProviderReport {
  type: ProviderEventType;
  at: number;
  channel: string;
  /** The provider message id of OUR message (for a button reply: the message it replied to). */
  messageId: string;
  /** `sent`, `delivered`, `read`, `failed`, or the fraud button's payload. */
  reason: string;
  /** Masked recipient. */
  destination: string;
  /** Provider error code for a failed status. */
  error?: string;
}

/** The audit log: the engine's event sink, persisted in the app database. */
export interface AuditLog {
  record(event: OtpEvent): Promise<void>;
  /**
   * Records a provider report against the subject of the message it concerns (looked up by the
   * provider message id of the `delivered` entry). Returns false when no such message is known.
   */
  recordProvider(report: ProviderReport): Promise<boolean>;
  /**
   * A subject's entries, newest first, each with the verification its code belongs to (joined
   * at read time: recording stays one insert).
   */
  list(query: { subject: string; purpose?: string; limit?: number }): Promise<AuditEntry[]>;
  /** The messages we sent with these provider message ids (`delivered` entries), by message id. */
  sent(messageIds: readonly string[]): Promise<Map<string, SentMessage>>;
}

/**
 * Audit rows, group-committed: the rows of one flush are ONE multi-row INSERT. `id` is random,
 * so a row can only meet itself: a write re-run after a commit whose answer was lost (the
 * connection dropped during COMMIT) is not a second row.
 */
const auditRows: WriteKind<Insertable<AuditEventRow>, void> = {
  name: "audit event",
  async run(db, rows) {
    await db
      .insertInto("audit_events")
      .values([...rows])
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    return rows.map(() => undefined);
  },
};

/**
 * The pauses before each further try of an audit row whose write the database itself failed (a
 * killed connection, a failover): the engine has already decided and the request answers
 * anyway, so the row is all that is left of the outcome. Safe to repeat: the row keeps its id,
 * so a try whose COMMIT landed but whose answer was lost is not a second row.
 */
const AUDIT_RETRY_PAUSES_MS = [50, 250, 1_000];

/** Writes one audit row, again after a database failure (see {@link AUDIT_RETRY_PAUSES_MS}). */
async function writeRow(app: AppDatabase, row: Insertable<AuditEventRow>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await app.writes.write(auditRows, row);
      return;
    } catch (error) {
      const pause = AUDIT_RETRY_PAUSES_MS[attempt];
      if (pause === undefined || !isDatabaseFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * The audit log. `record` is the engines' event sink: it resolves once the event is committed
 * (group commit, see db/group-commit.ts), so a request answers only after its events are durable.
 *
 * @param app The app database (SQLite or PostgreSQL; same schema).
 * @throws {Error} (rejects) From `record` and `recordProvider` when the database fails.
 * @example
 * const audit = createAuditLog(app);
 * await audit.record(event);
 */
export function createAuditLog(app: AppDatabase): AuditLog {
  return {
    async record(event) {
      await writeRow(app, {
        id: randomUUID(),
        at: event.at,
        type: event.type,
        subject: event.subject,
        purpose: event.purpose,
        code_id: event.codeId ?? null,
        channel: event.channel ?? null,
        destination: event.destination ?? null,
        message_kind: event.messageKind ?? null,
        message_id: event.messageId ?? null,
        error: event.error ?? null,
        retryable: event.retryable === undefined ? null : Number(event.retryable),
        attempts_remaining: event.attemptsRemaining ?? null,
        locked_until: event.lockedUntil ?? null,
        reason: event.reason ?? null,
        test: event.test ? 1 : 0,
      });
    },
    async recordProvider(report) {
      const sent = await app.db
        .selectFrom("audit_events")
        .select(["subject", "purpose", "code_id", "test"])
        .where("message_id", "=", report.messageId)
        .where("type", "=", "delivered")
        .executeTakeFirst();
      if (!sent) return false;
      await writeRow(app, {
        id: randomUUID(),
        at: report.at,
        type: report.type,
        subject: sent.subject,
        purpose: sent.purpose,
        code_id: sent.code_id,
        channel: report.channel,
        destination: report.destination,
        message_kind: null,
        message_id: report.messageId,
        error: report.error ?? null,
        retryable: null,
        attempts_remaining: null,
        locked_until: null,
        reason: report.reason,
        test: sent.test,
      });
      return true;
    },
    async list({ subject, purpose, limit = 100 }) {
      let query = app.db.selectFrom("audit_events").selectAll().where("subject", "=", subject);
      if (purpose) query = query.where("purpose", "=", purpose);
      const rows = await query.orderBy("at", "desc").orderBy("seq", "desc").limit(limit).execute();
      const verificationOf = await verificationIdsOf(
        app,
        rows.flatMap((r) =>
          r.code_id === null ? [] : [{ subject: r.subject, codeId: r.code_id }],
        ),
      );
      return rows.map((r) => {
        const entry: AuditEntry = {
          id: r.id,
          type: r.type as OtpEvent["type"],
          at: Number(r.at),
          subject: r.subject,
          purpose: r.purpose,
        };
        if (r.code_id !== null) entry.codeId = r.code_id;
        const verificationId = r.code_id === null ? undefined : verificationOf.get(r.code_id);
        if (verificationId !== undefined) entry.verificationId = verificationId;
        if (r.channel !== null) entry.channel = r.channel;
        if (r.destination !== null) entry.destination = r.destination;
        if (r.message_kind !== null) entry.messageKind = r.message_kind;
        if (r.message_id !== null) entry.messageId = r.message_id;
        if (r.error !== null) entry.error = r.error as AuditEntry["error"];
        if (r.retryable !== null) entry.retryable = r.retryable === 1;
        if (r.attempts_remaining !== null) entry.attemptsRemaining = r.attempts_remaining;
        if (r.locked_until !== null) entry.lockedUntil = Number(r.locked_until);
        if (r.reason !== null) entry.reason = r.reason;
        if (r.test === 1) entry.test = true;
        return entry;
      });
    },
    async sent(messageIds) {
      const found = new Map<string, SentMessage>();
      if (messageIds.length === 0) return found;
      const rows = await app.db
        .selectFrom("audit_events")
        .select(["subject", "purpose", "message_kind", "code_id", "message_id"])
        .where("type", "=", "delivered")
        .where("message_id", "in", messageIds)
        .execute();
      const verificationOf = await verificationIdsOf(
        app,
        rows.flatMap((r) =>
          r.code_id === null ? [] : [{ subject: r.subject, codeId: r.code_id }],
        ),
      );
      for (const r of rows) {
        found.set(r.message_id!, {
          subject: r.subject,
          purpose: r.purpose,
          messageKind: r.message_kind,
          codeId: r.code_id,
          verificationId: (r.code_id && verificationOf.get(r.code_id)) ?? null,
        });
      }
      return found;
    },
  };
}
