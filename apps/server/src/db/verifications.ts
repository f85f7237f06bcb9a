import { randomBytes } from "node:crypto";
import type { AppDatabase } from "./database.js";
import type { VerificationRow } from "./schema.js";
import type { ResendTarget } from "./sealed-recipient.js";
import { openRecipient, sealRecipient } from "./sealed-recipient.js";
import type { ReplacedCode } from "./verification-writes.js";
import { codeReplacements, completions, newVerifications } from "./verification-writes.js";

export type { ResendTarget } from "./sealed-recipient.js";
export type { ReplacedCode } from "./verification-writes.js";

/** A verification: one issued code for a (subject, purpose), reachable by an opaque id. */
export interface Verification {
  id: string;
  subject: string;
  purpose: string;
  codeId: string | null;
  status: "pending" | "verified" | "cancelled";
  channel: string | null;
  destination: string | null;
  returnUrl: string | null;
  locale: string | null;
  apiKeyId: string | null;
  createdAt: number;
  expiresAt: number;
  completedAt: number | null;
}

/** What a new verification is made of; `resendTo` is kept (sealed) so a new code can be sent. */
export type NewVerification = Omit<Verification, "id" | "status" | "createdAt" | "completedAt"> & {
  /** Where its codes go, for "Send a new code"; `null` when a new code must not be offered. */
  resendTo: ResendTarget | null;
};

export interface Verifications {
  create(input: NewVerification): Promise<Verification>;
  get(id: string): Promise<Verification | null>;
  /** The verification created for an issued code (idempotent replays find their first answer). */
  findByCode(codeId: string): Promise<Verification | null>;
  /**
   * Points a pending verification at a fresh code (sent after a wrong guess, or asked for on the
   * hosted page): its code id and expiry, and where it went when that is known.
   */
  replaceCode(id: string, code: ReplacedCode): Promise<void>;
  /**
   * Where a pending verification's codes go, for sending a new one; `null` when it is no longer
   * pending, was created without one, or a later verification of its subject replaced it.
   */
  resendTarget(id: string): Promise<ResendTarget | null>;
  /** Whether a later verification exists for the same subject and purpose (one replaced it). */
  hasNewer(v: Verification): Promise<boolean>;
  /** Marks it verified/cancelled; returns false if it was no longer pending (only one completion). */
  complete(id: string, status: "verified" | "cancelled"): Promise<boolean>;
}

/** 128 random bits, base64url: unguessable, safe in a URL path, never derived from the subject. */
export function newVerificationId(): string {
  return randomBytes(16).toString("base64url");
}

const ID = /^[A-Za-z0-9_-]{22}$/;

function fromRow(r: VerificationRow): Verification {
  return {
    id: r.id,
    subject: r.subject,
    purpose: r.purpose,
    codeId: r.code_id,
    status: r.status as Verification["status"],
    channel: r.channel,
    destination: r.destination,
    returnUrl: r.return_url,
    locale: r.locale,
    apiKeyId: r.api_key_id,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
    completedAt: r.completed_at === null ? null : Number(r.completed_at),
  };
}

/**
 * The verifications table; its writes (create, replaceCode, complete) are group-committed and
 * resolve once committed, so a read after them sees them. `recipientKey` seals each verification's recipient (see
 * {@link sealRecipient}); the sealed copy is dropped as soon as no new code can be asked for: when
 * the verification completes, and when a later one of the same subject and purpose replaces it.
 *
 * @throws {RangeError} From `create` when `recipientKey` is not 32 bytes.
 * @example
 * const verifications = createVerifications(database, Date.now, key32);
 */
export function createVerifications(
  app: AppDatabase,
  now: () => number,
  recipientKey: Buffer,
): Verifications {
  return {
    async create(input) {
      const id = newVerificationId();
      const row: VerificationRow = {
        id,
        subject: input.subject,
        purpose: input.purpose,
        code_id: input.codeId,
        status: "pending",
        channel: input.channel,
        destination: input.destination,
        return_url: input.returnUrl,
        locale: input.locale,
        api_key_id: input.apiKeyId,
        created_at: now(),
        expires_at: input.expiresAt,
        completed_at: null,
        recipient: input.resendTo ? sealRecipient(recipientKey, id, input.resendTo) : null,
      };
      // Group-committed (db/verification-writes.ts): also replaces the subject's older ones.
      await app.writes.write(newVerifications, row);
      return fromRow(row);
    },
    async get(id) {
      if (!ID.test(id)) return null;
      const row = await app.db
        .selectFrom("verifications")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async findByCode(codeId) {
      const row = await app.db
        .selectFrom("verifications")
        .selectAll()
        .where("code_id", "=", codeId)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async replaceCode(id, code) {
      await app.writes.write(codeReplacements, { id, code });
    },
    async resendTarget(id) {
      if (!ID.test(id)) return null;
      const row = await app.db
        .selectFrom("verifications")
        .select("recipient")
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      return row?.recipient ? openRecipient(recipientKey, id, row.recipient) : null;
    },
    async hasNewer(v) {
      const row = await app.db
        .selectFrom("verifications")
        .select("id")
        .where("subject", "=", v.subject)
        .where("purpose", "=", v.purpose)
        .where("created_at", ">=", v.createdAt)
        .where("id", "!=", v.id)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async complete(id, status) {
      return app.writes.write(completions, { id, status, at: now() });
    },
  };
}
