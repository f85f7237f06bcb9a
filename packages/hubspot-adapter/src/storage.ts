// The persistence the HubSpot adapter needs, as one small interface. The adapter decides; a
// storage only keeps rows and does each method's one atomic step. Values are opaque strings: the
// adapter seals tokens before they get here and serialises settings and answers itself.
//
// How it maps onto SQL (what the server implements over its Kysely app database; every read and
// delete goes through a key or an index, and every list takes a LIMIT):
//   hubspot_tokens    (portal_id BIGINT PK, sealed TEXT)
//   hubspot_settings  (portal_id BIGINT PK, json TEXT)
//   hubspot_oauth_states (state TEXT PK, expires_at BIGINT)                 index (expires_at)
//   hubspot_callback_results (portal_id, callback_id) PK, result TEXT, expires_at BIGINT
//                                                                           index (expires_at)
//   hubspot_pending_callbacks (portal_id, callback_id) PK, subject, purpose, expires_at,
//     claim_until BIGINT NULL, outcome TEXT NULL, due_at BIGINT (= claim_until ?? expires_at)
//                                          index (portal_id, subject, purpose), index (due_at)
// Times are epoch milliseconds passed in by the caller: a storage never reads a clock, so every
// process agrees on what "expired" means for one call, and tests need no fake timers.

/** A Wait-for-verification callback waiting for its contact to verify, as stored. */
export interface PendingCallback {
  /** The HubSpot account the workflow runs in. */
  portalId: number;
  /** HubSpot's id of the blocked action execution (the `callbackId` of the action request). */
  callbackId: string;
  /** The engine subject the contact verifies as (already namespaced per portal by the adapter). */
  subject: string;
  /** The engine purpose. */
  purpose: string;
  /** When the wait window ends (epoch ms): the callback is then completed with `expired`. */
  expiresAt: number;
  /**
   * Set by {@link HubSpotAppStorage.claimPendingCallback}: who completes it holds it until
   * `until` (epoch ms), with the outcome it completes it with. `null` while nobody claimed it.
   */
  claim: { until: number; outcome: string } | null;
}

/** A new pending callback: {@link PendingCallback} before anyone claimed it. */
export type NewPendingCallback = Omit<PendingCallback, "claim">;

/** The arguments of {@link HubSpotAppStorage.claimPendingCallback}. */
export interface ClaimPendingCallback {
  portalId: number;
  callbackId: string;
  /** The caller's clock (epoch ms): a claim whose `until` is at or before it has lapsed. */
  now: number;
  /**
   * Until when the claimer holds it (epoch ms, after `now`). Choose it well above the time a
   * completion call to HubSpot can take: a claimer that has not removed the callback by then is
   * presumed dead, and the callback is due again (at-least-once completion).
   */
  leaseUntil: number;
  /** The outcome to complete with (`verified`, `expired`). A lapsed claim's outcome is kept. */
  outcome: string;
}

/** The result of {@link HubSpotAppStorage.saveCallbackResult}. */
export interface SavedCallbackResult {
  /** The stored answer: the one just saved, or the first one saved for this callback. */
  result: string;
  /** True when this call stored it (the first save), false when an earlier answer was there. */
  created: boolean;
}

/**
 * What the HubSpot adapter persists, per portal (HubSpot account): OAuth tokens (sealed by the
 * adapter), settings, install `state`s, workflow answers per `callbackId` and pending
 * Wait-for-verification callbacks. The server implements it over its app database (SQLite or
 * PostgreSQL); `createMemoryHubSpotStorage()` from `@otpkit/hubspot-adapter/testing` keeps it in
 * memory; `describeHubSpotStorage()` checks an implementation.
 *
 * Every method states its atomicity. "One atomic step" means: one SQL statement (or one
 * transaction), never a read and a later write that another process can slip between. Times are
 * epoch ms given by the caller; portal ids are positive safe integers (store them as BIGINT:
 * HubSpot's ids have no 32-bit bound); every list is bounded by `limit` (1..1000).
 * Failures are thrown, never swallowed: an unreachable database is `OtpError` `STORE_UNAVAILABLE`.
 *
 * @example
 * ```ts
 * import { createMemoryHubSpotStorage } from "@otpkit/hubspot-adapter/testing";
 *
 * const storage: HubSpotAppStorage = createMemoryHubSpotStorage();
 * await storage.putSettings(101, JSON.stringify({ codeLength: 6 }));
 * await storage.getSettings(101); // '{"codeLength":6}'
 * ```
 */
export interface HubSpotAppStorage {
  /** A stable name for logs (`"memory"`, `"sqlite"`). */
  readonly name: string;

  /** The sealed tokens of a portal, or null when it has none (not installed, uninstalled). */
  getTokens(portalId: number): Promise<string | null>;
  /**
   * Stores a portal's sealed tokens, replacing any (an install, or a re-install).
   * Atomic: one upsert (`INSERT ... ON CONFLICT (portal_id) DO UPDATE`).
   */
  putTokens(portalId: number, sealed: string): Promise<void>;
  /**
   * Replaces the sealed tokens only while they still equal `expected` (compare-and-set), so a
   * refresh never resurrects the tokens of a portal uninstalled meanwhile, nor overwrites a newer
   * refresh by another process. Returns true when it replaced them.
   * Atomic: one `UPDATE ... WHERE portal_id = ? AND sealed = ?`; of N racing callers with the
   * same `expected`, exactly one wins.
   */
  replaceTokens(portalId: number, expected: string, next: string): Promise<boolean>;
  /** Deletes a portal's tokens (nothing else). Returns true when there were some. */
  deleteTokens(portalId: number): Promise<boolean>;

  /** A portal's settings as stored (the adapter's JSON text), or null when never saved. */
  getSettings(portalId: number): Promise<string | null>;
  /** Stores a portal's settings, replacing any. Atomic: one upsert; the last write wins. */
  putSettings(portalId: number, json: string): Promise<void>;

  /**
   * Records an OAuth `state` the install URL carries, until `expiresAt`. Returns false when the
   * state is already recorded (the adapter's states are 256-bit random: never in practice).
   * Atomic: one `INSERT ... ON CONFLICT DO NOTHING`.
   */
  createOAuthState(state: string, expiresAt: number): Promise<boolean>;
  /**
   * Spends a state: true exactly once, and only while `now < expiresAt`; false for an unknown,
   * spent or expired state. Atomic: one `DELETE ... WHERE state = ? AND expires_at > ?` (true
   * when it deleted a row); of N racing callers, exactly one gets true.
   */
  consumeOAuthState(state: string, now: number): Promise<boolean>;

  /** The answer saved for a workflow callback of this portal, or null. */
  getCallbackResult(portalId: number, callbackId: string): Promise<string | null>;
  /**
   * Saves the answer to a workflow action request unless one is saved already, and returns the
   * stored one: HubSpot retries requests, and a retry must get the first answer. Kept at least
   * until `expiresAt` (then {@link deleteExpired} may remove it). Atomic: of N racing callers,
   * exactly one gets `created: true` and all get its `result` (`INSERT ... ON CONFLICT DO
   * NOTHING`, then a read by key: a stored answer never changes).
   */
  saveCallbackResult(input: {
    portalId: number;
    callbackId: string;
    result: string;
    expiresAt: number;
  }): Promise<SavedCallbackResult>;

  /**
   * Stores a Wait-for-verification callback (unclaimed). Returns false, changing nothing, when
   * this (portal, callbackId) is already stored: a retried request adds it once.
   * Atomic: one `INSERT ... ON CONFLICT DO NOTHING`.
   */
  addPendingCallback(callback: NewPendingCallback): Promise<boolean>;
  /**
   * The unclaimed pending callbacks of one (portal, subject, purpose), earliest `expiresAt`
   * first, at most `limit`: whom to complete when that contact verifies. Through an index.
   */
  findPendingCallbacks(query: {
    portalId: number;
    subject: string;
    purpose: string;
    limit: number;
  }): Promise<PendingCallback[]>;
  /**
   * The callbacks due at `now`, at most `limit`, earliest due first, across portals: unclaimed
   * ones whose window ended (`expiresAt <= now`), and claimed ones whose lease lapsed
   * (`claim.until <= now`: their claimer died; they keep their outcome). Through an index on
   * the due time (`claim_until ?? expires_at`). Listing claims nothing.
   */
  listDueCallbacks(now: number, limit: number): Promise<PendingCallback[]>;
  /**
   * Takes a pending callback to complete it: succeeds when it is unclaimed or its claim lapsed
   * (`claim.until <= now`), and sets `claim` to `{ until: leaseUntil, outcome }` — keeping the
   * outcome of a lapsed claim, so a verification completed by a dead process is not turned
   * into `expired`. Returns the claimed callback (with the outcome to complete it with), or
   * null when it is unknown or held by someone else. Atomic: one conditional `UPDATE ...
   * RETURNING`; of N racing claimers, exactly one gets it.
   */
  claimPendingCallback(claim: ClaimPendingCallback): Promise<PendingCallback | null>;
  /**
   * Deletes a pending callback (after HubSpot accepted its completion, or to cancel it).
   * Returns true when it was there. Atomic: one `DELETE` by key.
   */
  removePendingCallback(portalId: number, callbackId: string): Promise<boolean>;

  /**
   * Housekeeping: deletes up to `limit` OAuth states and up to `limit` callback results whose
   * `expiresAt <= now`, and returns how many rows it deleted. Pending callbacks are never
   * deleted here (they are completed with `expired` instead). Each kind is one bounded statement
   * (`DELETE ... WHERE key IN (SELECT key ... WHERE expires_at <= ? LIMIT ?)`).
   */
  deleteExpired(now: number, limit: number): Promise<number>;

  /**
   * Deletes everything of a portal: tokens, settings, callback results and pending callbacks.
   * Atomic: one transaction; afterwards no method returns anything of this portal, and other
   * portals are untouched.
   */
  uninstall(portalId: number): Promise<void>;
}

/** The largest `limit` a list or delete takes. */
export const HUBSPOT_STORAGE_MAX_LIMIT = 1000;
