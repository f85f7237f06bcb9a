import { randomUUID } from "node:crypto";
import type { OtpEvent } from "@otpkit/otp-core";
import type { AppDatabase } from "./database.js";

/** One audit entry as the API returns it (the engine's event, persisted). */
export type AuditEntry = OtpEvent & { id: string };

/** The audit log: the engine's event sink, persisted in the app database. */
export interface AuditLog {
  record(event: OtpEvent): Promise<void>;
  list(query: { subject: string; purpose?: string; limit?: number }): Promise<AuditEntry[]>;
}

/** @param app The app database (SQLite or PostgreSQL; same schema). */
export function createAuditLog(app: AppDatabase): AuditLog {
  return {
    async record(event) {
      await app.db
        .insertInto("audit_events")
        .values({
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
        })
        .execute();
    },
    async list({ subject, purpose, limit = 100 }) {
      let query = app.db.selectFrom("audit_events").selectAll().where("subject", "=", subject);
      if (purpose) query = query.where("purpose", "=", purpose);
      const rows = await query.orderBy("at", "desc").orderBy("seq", "desc").limit(limit).execute();
      return rows.map((r) => {
        const entry: AuditEntry = {
          id: r.id,
          type: r.type as OtpEvent["type"],
          at: Number(r.at),
          subject: r.subject,
          purpose: r.purpose,
        };
        if (r.code_id !== null) entry.codeId = r.code_id;
        if (r.channel !== null) entry.channel = r.channel;
        if (r.destination !== null) entry.destination = r.destination;
        if (r.message_kind !== null) entry.messageKind = r.message_kind;
        if (r.message_id !== null) entry.messageId = r.message_id;
        if (r.error !== null) entry.error = r.error as OtpEvent["error"];
        if (r.retryable !== null) entry.retryable = r.retryable === 1;
        if (r.attempts_remaining !== null) entry.attemptsRemaining = r.attempts_remaining;
        if (r.locked_until !== null) entry.lockedUntil = Number(r.locked_until);
        if (r.reason !== null) entry.reason = r.reason;
        if (r.test === 1) entry.test = true;
        return entry;
      });
    },
  };
}
