// Internal: the engine's events → the contact's otpkit properties, through the portal's CRM
// write queue (never blocking or changing an OTP outcome), plus the plaintext code copy of
// property storage and its clearing when the code expires unused.
import { AsyncLocalStorage } from "node:async_hooks";
import type { OtpEvent } from "@otpkit/otp-core";
import { OTPKIT_PROPERTIES, OTPKIT_PROPERTY_NAMES } from "../crm-properties.js";
import { propertyUpdatesFor } from "../crm-property-updates.js";
import type { CrmWriteQueue } from "../crm-write-queue.js";
import type { PortalEngines } from "../portal-engines.js";
import type { PortalSettings } from "../settings.js";
import { HUBSPOT_OTP_PURPOSE, parseHubSpotSubject } from "./subject.js";

/** What the CRM sync needs. */
export interface CrmSyncDeps {
  writesFor(portalId: number): Pick<CrmWriteQueue, "enqueue">;
  engines: Pick<PortalEngines, "engineFor">;
  now: () => number;
  onError(error: unknown, context: { operation: string; portalId?: number }): void;
}

/** @internal The CRM side of the engine's event sink. */
export interface CrmSync {
  /**
   * Runs `fn` with the contact's current property values at hand (a workflow's
   * `object.properties`), so a wrong guess can count `otpkit_attempts_used` up.
   */
  withCurrent<T>(
    subject: string,
    current: Readonly<Record<string, string | null>>,
    fn: () => Promise<T>,
  ): Promise<T>;
  /** The engine event sink's CRM part. Never throws. */
  onEvent(portalId: number, event: OtpEvent, settings: PortalSettings): void;
  /** A Verify outcome without an engine event (`not_found`, `malformed`), when the property takes it. */
  recordOutcome(portalId: number, contactId: string, outcome: string): void;
  /** Writes a code copy to `property` and empties it when the code expires unused (best effort). */
  storeCode(input: {
    portalId: number;
    contactId: string;
    subject: string;
    property: string;
    code: string;
    codeId: string;
    expiresAt: number;
  }): void;
  /** Cancels the pending clear timers. */
  close(): void;
}

// The outcomes `otpkit_last_outcome` can hold: writing another value would be refused by
// HubSpot (an enumeration takes only its options).
const LAST_OUTCOME_VALUES = new Set(
  OTPKIT_PROPERTIES.find((p) => p.name === OTPKIT_PROPERTY_NAMES.lastOutcome)?.options?.map(
    (o) => o.value,
  ) ?? [],
);

/** @internal */
export function createCrmSync(deps: CrmSyncDeps): CrmSync {
  const scope = new AsyncLocalStorage<{
    subject: string;
    current: Readonly<Record<string, string | null>>;
  }>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  async function clearIfEnded(input: Parameters<CrmSync["storeCode"]>[0]): Promise<void> {
    const { otp } = await deps.engines.engineFor(input.portalId);
    const status = await otp.lookup({ subject: input.subject, purpose: HUBSPOT_OTP_PURPOSE });
    // A newer code is out: its copy is in the property now, and must stay.
    if (status.active !== null && status.active.codeId !== input.codeId) return;
    deps.writesFor(input.portalId).enqueue(input.contactId, { [input.property]: "" });
  }

  return {
    withCurrent(subject, current, fn) {
      return scope.run({ subject, current }, fn);
    },
    onEvent(portalId, event, settings) {
      const ref = parseHubSpotSubject(event.subject);
      // The otpkit properties live on contacts; a deal's code leaves no trace on a contact.
      if (ref === undefined || ref.portalId !== portalId || ref.objectType !== "contact") return;
      const at = scope.getStore();
      const current = at?.subject === event.subject ? at.current : undefined;
      const storage = settings.propertyStorage;
      try {
        const updates = propertyUpdatesFor(event, {
          ...(current ? { current } : {}),
          ...(storage.enabled ? { codeProperty: storage.property } : {}),
        });
        deps.writesFor(portalId).enqueue(ref.objectId, updates);
      } catch (error) {
        deps.onError(error, { operation: "crm.sync", portalId });
      }
    },
    recordOutcome(portalId, contactId, outcome) {
      if (!LAST_OUTCOME_VALUES.has(outcome)) return;
      deps.writesFor(portalId).enqueue(contactId, {
        [OTPKIT_PROPERTY_NAMES.lastOutcome]: outcome,
        [OTPKIT_PROPERTY_NAMES.lastOutcomeAt]: String(deps.now()),
      });
    },
    storeCode(input) {
      // The copy the admin asked for (seed 001); the queue never logs values.
      deps.writesFor(input.portalId).enqueue(input.contactId, { [input.property]: input.code });
      // Why a timer: a code that expires without anyone checking it emits no event, and its copy
      // must not outlive it. In memory: after a restart an expired copy stays until the next
      // event of that contact clears or replaces it.
      const delay = Math.max(0, input.expiresAt - deps.now()) + 1000;
      const timer = setTimeout(() => {
        timers.delete(timer);
        clearIfEnded(input).catch((error) =>
          deps.onError(error, { operation: "crm.clearCode", portalId: input.portalId }),
        );
      }, delay);
      timer.unref?.();
      timers.add(timer);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
