import type { PendingCallback } from "@otpkit/hubspot-adapter";
import { HUBSPOT_STORAGE_MAX_LIMIT } from "@otpkit/hubspot-adapter";
import { argumentError, isOtpError, OtpError } from "@otpkit/otp-core";
import type { HubSpotPendingCallbackRow } from "./schema.js";

// @internal Argument checks, row mapping and error mapping of db/hubspot-storage.ts. The checks
// refuse what the memory storage refuses, so both behave alike: SQLite would store 1.5 in a
// BIGINT column, and PostgreSQL would fail it with a driver error instead of INVALID_ARGUMENT.

/** The `source` of the errors the Kysely HubSpot storage throws. */
export const SOURCE = "hubspot-storage";

/** @internal A portal id: a positive safe integer (BIGINT column, read back as a number). */
export function checkPortal(portalId: number): number {
  if (!Number.isSafeInteger(portalId) || portalId < 1) {
    throw argumentError("portalId", "a positive safe integer", portalId, { source: SOURCE });
  }
  return portalId;
}

/** @internal A non-empty string (ids, opaque values). */
export function checkText(field: string, value: string): string {
  if (typeof value !== "string" || value === "") {
    throw argumentError(field, "a non-empty string", value, { source: SOURCE });
  }
  return value;
}

/** @internal Epoch milliseconds. */
export function checkTime(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw argumentError(field, "epoch milliseconds (a non-negative integer)", value, {
      source: SOURCE,
    });
  }
  return value;
}

/** @internal A list or delete bound: 1..HUBSPOT_STORAGE_MAX_LIMIT. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > HUBSPOT_STORAGE_MAX_LIMIT) {
    throw argumentError("limit", `integer 1..${HUBSPOT_STORAGE_MAX_LIMIT}`, limit, {
      source: SOURCE,
    });
  }
  return limit;
}

/**
 * @internal A stored pending callback as the interface shapes it. Number() because `pg` returns
 * BIGINT as a string unless a type parser says otherwise, and a portal id must read back as the
 * number it was stored as.
 */
export function toPending(row: HubSpotPendingCallbackRow): PendingCallback {
  return {
    portalId: Number(row.portal_id),
    callbackId: row.callback_id,
    subject: row.subject,
    purpose: row.purpose,
    expiresAt: Number(row.expires_at),
    claim:
      row.claim_until === null || row.outcome === null
        ? null
        : { until: Number(row.claim_until), outcome: row.outcome },
  };
}

/** @internal Runs one database step of a named method (a `guard` bound to a storage name). */
export type Run = <T>(method: string, step: () => Promise<T>) => Promise<T>;

/**
 * @internal Runs one database step; a failure that is not an `OtpError` yet (driver error, lost
 * connection, closed database) becomes a retryable `STORE_UNAVAILABLE` carrying it as `cause`.
 * The message names the storage and the method, never the values (tokens, states) involved.
 */
export async function guard<T>(name: string, method: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isOtpError(error)) throw error;
    throw new OtpError("STORE_UNAVAILABLE", `HubSpot storage "${name}" failed in ${method}`, {
      cause: error,
      source: SOURCE,
    });
  }
}
