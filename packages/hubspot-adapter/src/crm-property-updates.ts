// What one otp-core event writes to the contact: the properties of crm-properties.ts, as values.
import type { OtpEvent } from "@otpkit/otp-core";
import { argumentError } from "@otpkit/otp-core";
import type { LastChannel } from "./crm-properties.js";
import { codePropertyProblem, OTPKIT_PROPERTY_NAMES } from "./crm-properties.js";

/** Options of {@link propertyUpdatesFor}. */
export interface PropertyUpdateOptions {
  /**
   * The contact's current values, when at hand (a workflow action's `object.properties` with
   * `otpkit_attempts_used` requested, or a read). Only `otpkit_attempts_used` is read: without
   * it a wrong guess does not update the count.
   */
  current?: Readonly<Record<string, string | null | undefined>>;
  /** The property holding a plaintext copy of the code, when property storage is on. */
  codeProperty?: string;
}

/** Property values to write to one contact: internal name → value (`""` clears a value). */
export type PropertyUpdates = Record<string, string>;

const P = OTPKIT_PROPERTY_NAMES;

/**
 * The contact property values one otp-core event leads to. Pure: the caller writes them (through
 * the CRM write queue, in event order per contact: a later update overrides an earlier one).
 *
 * - `issued` → status `pending`, wrong attempts `0` (kept for a code `restored` after a failed
 *   delivery), channel, lock cleared.
 * - `delivered` / `delivery_failed` of a code → channel and outcome; the status is not touched (a
 *   quick `verified` may already be written). Lockout and unlock notices change nothing.
 * - `failed` → wrong attempts + 1 (from `current`); the status stays `pending`.
 * - `verified` → `verified` and the time; `expired` and `revoked` → `expired`; `exhausted` →
 *   `failed`; `locked` → `locked` and until when (empty: until an operator unlocks);
 *   `unlocked` → `failed` (no code survives a lock) and the lock cleared.
 *
 * Why the copy is cleared: the plaintext copy in `codeProperty` must not outlive its code
 * (seed 001), so every event that ends a code (`verified`, `expired`, `exhausted`, `revoked`,
 * `locked`) empties it. A replaced code ends with `revoked` before the new one's `issued`, so in
 * event order the new copy, written after `issued`, is not cleared.
 *
 * Every event is mapped, `test: true` ones included; skip those before calling if a portal
 * should not see them.
 *
 * @param event The event from otp-core's sink.
 * @param options `current` values and the `codeProperty`.
 * @returns The values to write; `{}` when the event changes nothing on the contact.
 * @throws {OtpError} `INVALID_ARGUMENT` when `codeProperty` is not a property that can hold the
 *   code (see {@link codePropertyProblem}).
 * @example
 * ```ts
 * propertyUpdatesFor({ type: "verified", at: 1767225600000, subject: "c:5101", purpose: "login" },
 *   { codeProperty: "otpkit_code" });
 * // { otpkit_verification_status: "verified", otpkit_verified_at: "1767225600000",
 * //   otpkit_locked_until: "", otpkit_last_outcome: "verified", otpkit_code: "" }
 * ```
 */
export function propertyUpdatesFor(
  event: OtpEvent,
  options: PropertyUpdateOptions = {},
): PropertyUpdates {
  const { codeProperty } = options;
  if (codeProperty !== undefined && codePropertyProblem(codeProperty) !== undefined) {
    throw argumentError("codeProperty", "a contact property that can hold the code", codeProperty);
  }
  const outcome = { [P.lastOutcome]: event.type, [P.lastOutcomeAt]: String(event.at) };
  const clearCode = codeProperty === undefined ? {} : { [codeProperty]: "" };
  switch (event.type) {
    case "issued":
      return {
        [P.status]: "pending",
        ...(event.reason === "restored" ? {} : { [P.attemptsUsed]: "0" }),
        [P.lastChannel]: channelValue(event.channel),
        [P.lockedUntil]: "",
        ...outcome,
      };
    case "delivered":
    case "delivery_failed":
      if (event.messageKind === "lockout" || event.messageKind === "unlock") return {};
      return { [P.lastChannel]: channelValue(event.channel), ...outcome };
    case "failed": {
      const used = attemptsUsed(options.current);
      return { ...(used === undefined ? {} : { [P.attemptsUsed]: String(used + 1) }), ...outcome };
    }
    case "verified":
      return {
        [P.status]: "verified",
        [P.verifiedAt]: String(event.at),
        [P.lockedUntil]: "",
        ...outcome,
        ...clearCode,
      };
    case "expired":
    case "revoked":
      return { [P.status]: "expired", ...outcome, ...clearCode };
    case "exhausted":
      return { [P.status]: "failed", ...outcome, ...clearCode };
    case "locked":
      return {
        [P.status]: "locked",
        [P.lockedUntil]: event.lockedUntil === undefined ? "" : String(event.lockedUntil),
        ...outcome,
        ...clearCode,
      };
    case "unlocked":
      return { [P.status]: "failed", [P.lockedUntil]: "", ...outcome };
    case "quota_exceeded":
      // Nothing happened to the contact's code (no code was sent), and portals installed before
      // this outcome existed have no such option: HubSpot would refuse the whole write.
      return {};
    default:
      return {};
  }
}

/** `otpkit_last_channel` for a channel name; the test recipients' `"test"` sends nothing. */
function channelValue(channel: string | undefined): LastChannel {
  if (channel === "email" || channel === "whatsapp") return channel;
  return channel === undefined || channel === "test" ? "none" : "other";
}

function attemptsUsed(current: PropertyUpdateOptions["current"]): number | undefined {
  if (current === undefined) return undefined;
  const value = current[P.attemptsUsed];
  // Empty or missing on a contact that never had a wrong guess; anything odd counts from 0.
  return typeof value === "string" && /^\d{1,6}$/.test(value.trim()) ? Number(value) : 0;
}
