// Internal: the Wait-for-verification callbacks that answered BLOCK, completed through HubSpot's
// callbacks API when the contact verifies (`verified`) or the wait window ends (`expired`).
// Everything lives in the app storage, so a restart loses nothing, and every completion is
// claimed first, so two processes never complete one callback twice.
import { isOtpError } from "@otpkit/otp-core";
import type { CrmClient } from "../crm-client.js";
import type { HubSpotAppStorage, NewPendingCallback, PendingCallback } from "../storage.js";
import type { WaitResult } from "./fields.js";
import { EXECUTION_STATE, WAIT_OUTPUTS } from "./fields.js";
import { HUBSPOT_OTP_PURPOSE } from "./subject.js";

/** What {@link createPendingCallbacks} needs. */
export interface PendingCallbacksDeps {
  storage: HubSpotAppStorage;
  crmFor(portalId: number): Pick<CrmClient, "completeCallback">;
  now: () => number;
  /** How long a claimer holds a callback before it is presumed dead (ms). */
  leaseMs: number;
  onError(
    error: unknown,
    context: { operation: string; portalId?: number; callbackId?: string },
  ): void;
}

/** What one {@link PendingCallbacks.completeDue} run did. */
export interface CompleteDueResult {
  /** Completed at HubSpot and removed. */
  completed: number;
  /** HubSpot failed for now: due again when the lease lapses. */
  failed: number;
  /** Given up on (HubSpot refused for good, the portal is gone, or it kept failing for days). */
  dropped: number;
}

/** @internal */
export interface PendingCallbacks {
  add(callback: NewPendingCallback): Promise<boolean>;
  onVerified(input: { portalId: number; subject: string; purpose?: string }): Promise<number>;
  completeDue(options?: { limit?: number }): Promise<CompleteDueResult>;
}

/** A callback still failing this long after its window is dropped: HubSpot moved on long ago. */
const GIVE_UP_AFTER_MS = 4 * 24 * 60 * 60_000;
const PAGE = 100;

type Completion = "completed" | "skipped" | "failed" | "dropped";

/** @internal */
export function createPendingCallbacks(deps: PendingCallbacksDeps): PendingCallbacks {
  const { storage } = deps;

  async function complete(callback: PendingCallback, outcome: WaitResult): Promise<Completion> {
    const { portalId, callbackId } = callback;
    const now = deps.now();
    const claimed = await storage.claimPendingCallback({
      portalId,
      callbackId,
      now,
      leaseUntil: now + deps.leaseMs,
      outcome,
    });
    if (claimed === null) return "skipped"; // someone else holds it, or it is done
    // A lapsed claim keeps its outcome: a verification completed by a dead process stays one.
    const result = claimed.claim?.outcome ?? outcome;
    try {
      await deps.crmFor(portalId).completeCallback(callbackId, {
        [WAIT_OUTPUTS.result]: result,
        [EXECUTION_STATE]: "SUCCESS",
      });
    } catch (error) {
      const context = { operation: "callbacks.complete", portalId, callbackId };
      deps.onError(error, context);
      const final = isOtpError(error) && !error.retryable;
      if (final || now > claimed.expiresAt + GIVE_UP_AFTER_MS) {
        await storage.removePendingCallback(portalId, callbackId);
        return "dropped";
      }
      return "failed"; // the claim lapses after leaseMs, and completeDue tries again
    }
    await storage.removePendingCallback(portalId, callbackId);
    return "completed";
  }

  return {
    add(callback) {
      return storage.addPendingCallback(callback);
    },

    async onVerified({ portalId, subject, purpose = HUBSPOT_OTP_PURPOSE }) {
      let completed = 0;
      const seen = new Set<string>();
      for (;;) {
        const now = deps.now();
        const found = await storage.findPendingCallbacks({
          portalId,
          subject,
          purpose,
          limit: PAGE,
        });
        // A window that already ended is completeDue's (`expired`), even if the contact
        // verified a moment later.
        const open = found.filter((c) => c.expiresAt > now && !seen.has(c.callbackId));
        if (open.length === 0) return completed;
        for (const callback of open) {
          seen.add(callback.callbackId);
          if ((await complete(callback, "verified")) === "completed") completed++;
        }
      }
    },

    async completeDue({ limit = PAGE } = {}) {
      const tally: CompleteDueResult = { completed: 0, failed: 0, dropped: 0 };
      const due = await storage.listDueCallbacks(deps.now(), limit);
      for (const callback of due) {
        const done = await complete(callback, "expired");
        if (done !== "skipped") tally[done]++;
      }
      return tally;
    },
  };
}
