import type { Generated } from "kysely";

/** The app database: audit trail, API keys, verifications (hosted-page tokens). */
export interface Schema {
  audit_events: AuditEventRow;
  api_keys: ApiKeyRow;
  verifications: VerificationRow;
}

export interface AuditEventRow {
  id: string;
  /** Epoch ms. */
  at: number;
  type: string;
  subject: string;
  purpose: string;
  code_id: string | null;
  channel: string | null;
  destination: string | null;
  message_kind: string | null;
  message_id: string | null;
  error: string | null;
  retryable: number | null;
  attempts_remaining: number | null;
  locked_until: number | null;
  reason: string | null;
  test: number;
  /** Insertion order within one millisecond. */
  seq: Generated<number>;
}

export interface ApiKeyRow {
  id: string;
  name: string;
  /** SHA-256 (hex) of the secret part; the secret itself is shown once and never stored. */
  secret_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface VerificationRow {
  /** The opaque token: API id and hosted-page path. 128 random bits. */
  id: string;
  subject: string;
  purpose: string;
  code_id: string | null;
  status: string;
  channel: string | null;
  destination: string | null;
  return_url: string | null;
  locale: string | null;
  api_key_id: string | null;
  created_at: number;
  expires_at: number;
  completed_at: number | null;
}
