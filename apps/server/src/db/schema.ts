import type { Generated } from "kysely";

/**
 * The app database: audit trail, API keys, verifications (hosted-page tokens), and the HubSpot
 * app's rows (`hubspot_*`, kept by db/hubspot-storage.ts).
 */
export interface Schema {
  audit_events: AuditEventRow;
  api_keys: ApiKeyRow;
  verifications: VerificationRow;
  verification_codes: VerificationCodeRow;
  hubspot_tokens: HubSpotTokensRow;
  hubspot_settings: HubSpotSettingsRow;
  hubspot_oauth_states: HubSpotOAuthStateRow;
  hubspot_callback_results: HubSpotCallbackResultRow;
  hubspot_pending_callbacks: HubSpotPendingCallbackRow;
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
  /**
   * Where its codes go, sealed (db/sealed-recipient.ts), for "Send a new code" on the hosted
   * page; null once it completed or was replaced, and for rows made before it existed.
   */
  recipient: string | null;
}

/**
 * Every code a verification has had (its first, and each fresh one after a wrong guess or a
 * resend), so the audit trail can name the verification of any of its codes.
 */
export interface VerificationCodeRow {
  code_id: string;
  verification_id: string;
}

// The HubSpot rows. BIGINT columns are typed `number`: `pg` hands them back as strings unless a
// type parser is set (database.ts sets one), so db/hubspot-storage.ts converts with Number().

export interface HubSpotTokensRow {
  portal_id: number;
  /** The portal's OAuth tokens, sealed by the adapter (never stored in the clear). */
  sealed: string;
}

export interface HubSpotSettingsRow {
  portal_id: number;
  /** The adapter's JSON text, stored as given. */
  json: string;
}

export interface HubSpotOAuthStateRow {
  state: string;
  /** Epoch ms. */
  expires_at: number;
}

export interface HubSpotCallbackResultRow {
  portal_id: number;
  callback_id: string;
  /** The first answer saved for this callback: never changed afterwards. */
  result: string;
  /** Epoch ms. */
  expires_at: number;
}

export interface HubSpotPendingCallbackRow {
  portal_id: number;
  callback_id: string;
  subject: string;
  purpose: string;
  /** Epoch ms: the end of the wait window. */
  expires_at: number;
  /** Epoch ms: the claimer's lease; null while unclaimed. */
  claim_until: number | null;
  /** The outcome the claimer completes it with; null while unclaimed. */
  outcome: string | null;
  /** `claim_until ?? expires_at`, kept by every write: what the due index orders by. */
  due_at: number;
}
