import { randomBytes } from "node:crypto";
import type { AppDatabase } from "./database.js";
import type { VerificationRow } from "./schema.js";

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

export interface Verifications {
  create(
    input: Omit<Verification, "id" | "status" | "createdAt" | "completedAt">,
  ): Promise<Verification>;
  get(id: string): Promise<Verification | null>;
  /** The verification created for an issued code (idempotent replays find their first answer). */
  findByCode(codeId: string): Promise<Verification | null>;
  /** Points a pending verification at the fresh code the engine sent after a wrong guess. */
  replaceCode(id: string, codeId: string): Promise<void>;
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

export function createVerifications(app: AppDatabase, now: () => number = Date.now): Verifications {
  return {
    async create(input) {
      const row: VerificationRow = {
        id: newVerificationId(),
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
      };
      await app.db.insertInto("verifications").values(row).execute();
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
    async replaceCode(id, codeId) {
      await app.db
        .updateTable("verifications")
        .set({ code_id: codeId })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .execute();
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
      const result = await app.db
        .updateTable("verifications")
        .set({ status, completed_at: now() })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
