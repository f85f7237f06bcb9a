import { argumentError } from "@otpkit/otp-core";
import type {
  ClaimPendingCallback,
  HubSpotAppStorage,
  NewPendingCallback,
  PendingCallback,
} from "../storage.js";
import { HUBSPOT_STORAGE_MAX_LIMIT } from "../storage.js";

// Every method below does its work synchronously between two awaits, so on one event loop each
// is atomic, as the interface requires. Nothing is persisted: for tests and for trying the app.

/**
 * A {@link HubSpotAppStorage} in memory: for tests, and for trying the app without a database.
 * Everything is lost when the process ends; two calls return two separate storages. Lists and
 * deletes scan the maps (fine at test sizes); the contract's bounds (`limit`) still apply.
 *
 * @returns A new, empty storage named `"memory"`.
 * @throws {OtpError} `INVALID_ARGUMENT` from its methods when an argument is malformed (a portal
 *   id that is not a positive safe integer, an empty id, a limit outside 1..1000), as a database
 *   implementation would refuse it.
 * @example
 * ```ts
 * import { createHubSpotOAuth } from "@otpkit/hubspot-adapter";
 * import { createMemoryHubSpotStorage } from "@otpkit/hubspot-adapter/testing";
 *
 * const storage = createMemoryHubSpotStorage();
 * const oauth = createHubSpotOAuth({ ...credentials, storage, secrets });
 * ```
 */
export function createMemoryHubSpotStorage(): HubSpotAppStorage {
  const tokens = new Map<number, string>();
  const settings = new Map<number, string>();
  const states = new Map<string, number>();
  const results = new Map<string, { portalId: number; result: string; expiresAt: number }>();
  const pending = new Map<string, PendingCallback>();

  return {
    name: "memory",

    async getTokens(portalId) {
      return tokens.get(checkPortal(portalId)) ?? null;
    },
    async putTokens(portalId, sealed) {
      tokens.set(checkPortal(portalId), checkText("sealed", sealed));
    },
    async replaceTokens(portalId, expected, next) {
      checkText("next", next);
      if (tokens.get(checkPortal(portalId)) !== checkText("expected", expected)) return false;
      tokens.set(portalId, next);
      return true;
    },
    async deleteTokens(portalId) {
      return tokens.delete(checkPortal(portalId));
    },

    async getSettings(portalId) {
      return settings.get(checkPortal(portalId)) ?? null;
    },
    async putSettings(portalId, json) {
      settings.set(checkPortal(portalId), checkText("json", json));
    },

    async createOAuthState(state, expiresAt) {
      checkText("state", state);
      checkTime("expiresAt", expiresAt);
      if (states.has(state)) return false;
      states.set(state, expiresAt);
      return true;
    },
    async consumeOAuthState(state, now) {
      checkText("state", state);
      checkTime("now", now);
      const expiresAt = states.get(state);
      if (expiresAt === undefined || expiresAt <= now) return false;
      states.delete(state);
      return true;
    },

    async getCallbackResult(portalId, callbackId) {
      return results.get(key(portalId, callbackId))?.result ?? null;
    },
    async saveCallbackResult({ portalId, callbackId, result, expiresAt }) {
      const k = key(portalId, callbackId);
      checkText("result", result);
      checkTime("expiresAt", expiresAt);
      const existing = results.get(k);
      if (existing !== undefined) return { result: existing.result, created: false };
      results.set(k, { portalId, result, expiresAt });
      return { result, created: true };
    },

    async addPendingCallback(callback) {
      const k = key(callback.portalId, callback.callbackId);
      checkPending(callback);
      if (pending.has(k)) return false;
      pending.set(k, { ...pick(callback), claim: null });
      return true;
    },
    async findPendingCallbacks({ portalId, subject, purpose, limit }) {
      checkPortal(portalId);
      checkText("subject", subject);
      checkText("purpose", purpose);
      checkLimit(limit);
      const found = [...pending.values()].filter(
        (p) =>
          p.claim === null &&
          p.portalId === portalId &&
          p.subject === subject &&
          p.purpose === purpose,
      );
      return found
        .sort((a, b) => a.expiresAt - b.expiresAt)
        .slice(0, limit)
        .map(copy);
    },
    async listDueCallbacks(now, limit) {
      checkTime("now", now);
      checkLimit(limit);
      return [...pending.values()]
        .filter((p) => dueAt(p) <= now)
        .sort((a, b) => dueAt(a) - dueAt(b))
        .slice(0, limit)
        .map(copy);
    },
    async claimPendingCallback(claim: ClaimPendingCallback) {
      const k = key(claim.portalId, claim.callbackId);
      checkTime("now", claim.now);
      checkTime("leaseUntil", claim.leaseUntil);
      checkText("outcome", claim.outcome);
      if (claim.leaseUntil <= claim.now) {
        throw argumentError("leaseUntil", "a time after now", claim.leaseUntil, SOURCE);
      }
      const current = pending.get(k);
      if (current === undefined) return null;
      if (current.claim !== null && current.claim.until > claim.now) return null;
      const outcome = current.claim?.outcome ?? claim.outcome;
      const claimed = { ...current, claim: { until: claim.leaseUntil, outcome } };
      pending.set(k, claimed);
      return copy(claimed);
    },
    async removePendingCallback(portalId, callbackId) {
      return pending.delete(key(portalId, callbackId));
    },

    async deleteExpired(now, limit) {
      checkTime("now", now);
      checkLimit(limit);
      let deleted = 0;
      let budget = limit;
      for (const [state, expiresAt] of states) {
        if (budget === 0) break;
        if (expiresAt <= now) {
          states.delete(state);
          budget--;
          deleted++;
        }
      }
      budget = limit;
      for (const [k, entry] of results) {
        if (budget === 0) break;
        if (entry.expiresAt <= now) {
          results.delete(k);
          budget--;
          deleted++;
        }
      }
      return deleted;
    },

    async uninstall(portalId) {
      checkPortal(portalId);
      tokens.delete(portalId);
      settings.delete(portalId);
      for (const [k, entry] of results) if (entry.portalId === portalId) results.delete(k);
      for (const [k, entry] of pending) if (entry.portalId === portalId) pending.delete(k);
    },
  };
}

const SOURCE = { source: "hubspot-storage" } as const;

/** When a pending callback is due: its lease's end when claimed, else its window's end. */
function dueAt(p: PendingCallback): number {
  return p.claim === null ? p.expiresAt : p.claim.until;
}

/** A copy, so a caller that mutates what it got cannot change the stored row. */
function copy(p: PendingCallback): PendingCallback {
  return { ...p, claim: p.claim === null ? null : { ...p.claim } };
}

/** Only the stored fields of a new callback (a caller may pass a wider object). */
function pick(c: NewPendingCallback): NewPendingCallback {
  const { portalId, callbackId, subject, purpose, expiresAt } = c;
  return { portalId, callbackId, subject, purpose, expiresAt };
}

function key(portalId: number, callbackId: string): string {
  return `${checkPortal(portalId)}\u0000${checkText("callbackId", callbackId)}`;
}

function checkPending(c: NewPendingCallback): void {
  checkText("subject", c.subject);
  checkText("purpose", c.purpose);
  checkTime("expiresAt", c.expiresAt);
}

function checkPortal(portalId: number): number {
  if (!Number.isSafeInteger(portalId) || portalId < 1) {
    throw argumentError("portalId", "a positive safe integer", portalId, SOURCE);
  }
  return portalId;
}

function checkText(field: string, value: string): string {
  if (typeof value !== "string" || value === "") {
    throw argumentError(field, "a non-empty string", value, SOURCE);
  }
  return value;
}

function checkTime(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw argumentError(field, "epoch milliseconds (a non-negative integer)", value, SOURCE);
  }
  return value;
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > HUBSPOT_STORAGE_MAX_LIMIT) {
    throw argumentError("limit", `integer 1..${HUBSPOT_STORAGE_MAX_LIMIT}`, limit, SOURCE);
  }
  return limit;
}
