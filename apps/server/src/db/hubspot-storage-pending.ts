import type { HubSpotAppStorage, PendingCallback } from "@otpkit/hubspot-adapter";
import { argumentError } from "@otpkit/otp-core";
import type { AppDatabase } from "./database.js";
import type { Run } from "./hubspot-storage-checks.js";
import {
  checkLimit,
  checkPortal,
  checkText,
  checkTime,
  SOURCE,
  toPending,
} from "./hubspot-storage-checks.js";

// @internal Part of db/hubspot-storage.ts (see its header on atomicity): the rows of
// `hubspot_pending_callbacks`. due_at (= claim_until ?? expires_at) is written by every statement
// that sets either, so the due list is one range of its index.

/** @internal The methods of pending callbacks. */
export type PendingMethods = Pick<
  HubSpotAppStorage,
  | "addPendingCallback"
  | "findPendingCallbacks"
  | "listDueCallbacks"
  | "claimPendingCallback"
  | "removePendingCallback"
>;

/**
 * @internal The pending Wait-for-verification callbacks of createKyselyHubSpotStorage, in
 * `hubspot_pending_callbacks`: each method one statement.
 */
export function pendingMethods(app: Pick<AppDatabase, "db">, run: Run): PendingMethods {
  const { db } = app;
  return {
    addPendingCallback: (callback) =>
      run("addPendingCallback", async () => {
        const expiresAt = checkTime("expiresAt", callback.expiresAt);
        const row = await db
          .insertInto("hubspot_pending_callbacks")
          .values({
            portal_id: checkPortal(callback.portalId),
            callback_id: checkText("callbackId", callback.callbackId),
            subject: checkText("subject", callback.subject),
            purpose: checkText("purpose", callback.purpose),
            expires_at: expiresAt,
            claim_until: null,
            outcome: null,
            due_at: expiresAt,
          })
          .onConflict((oc) => oc.columns(["portal_id", "callback_id"]).doNothing())
          .returning("callback_id")
          .executeTakeFirst();
        return row !== undefined;
      }),
    findPendingCallbacks: ({ portalId, subject, purpose, limit }) =>
      run("findPendingCallbacks", async () => {
        const rows = await db
          .selectFrom("hubspot_pending_callbacks")
          .selectAll()
          .where("portal_id", "=", checkPortal(portalId))
          .where("subject", "=", checkText("subject", subject))
          .where("purpose", "=", checkText("purpose", purpose))
          .where("claim_until", "is", null)
          .orderBy("expires_at")
          .orderBy("callback_id")
          .limit(checkLimit(limit))
          .execute();
        return rows.map(toPending);
      }),
    listDueCallbacks: (now, limit) =>
      run("listDueCallbacks", async () => {
        const rows = await db
          .selectFrom("hubspot_pending_callbacks")
          .selectAll()
          .where("due_at", "<=", checkTime("now", now))
          .orderBy("due_at")
          .orderBy("portal_id")
          .orderBy("callback_id")
          .limit(checkLimit(limit))
          .execute();
        return rows.map(toPending);
      }),
    claimPendingCallback: (claim) =>
      run("claimPendingCallback", async (): Promise<PendingCallback | null> => {
        const now = checkTime("now", claim.now);
        const until = checkTime("leaseUntil", claim.leaseUntil);
        if (until <= now) {
          throw argumentError("leaseUntil", "a time after now", until, { source: SOURCE });
        }
        // The lease is the WHERE: of racing claimers, the first UPDATE moves claim_until past
        // `now`, and every other one re-checks against that and matches nothing. COALESCE keeps
        // a lapsed claim's outcome: a verification whose completer died is not turned into
        // `expired` by whoever takes it over.
        const row = await db
          .updateTable("hubspot_pending_callbacks")
          .set((eb) => ({
            claim_until: until,
            due_at: until,
            outcome: eb.fn.coalesce("outcome", eb.val(checkText("outcome", claim.outcome))),
          }))
          .where("portal_id", "=", checkPortal(claim.portalId))
          .where("callback_id", "=", checkText("callbackId", claim.callbackId))
          .where((eb) => eb.or([eb("claim_until", "is", null), eb("claim_until", "<=", now)]))
          .returningAll()
          .executeTakeFirst();
        return row === undefined ? null : toPending(row);
      }),
    removePendingCallback: (portalId, callbackId) =>
      run("removePendingCallback", async () => {
        const row = await db
          .deleteFrom("hubspot_pending_callbacks")
          .where("portal_id", "=", checkPortal(portalId))
          .where("callback_id", "=", checkText("callbackId", callbackId))
          .returning("callback_id")
          .executeTakeFirst();
        return row !== undefined;
      }),
  };
}
