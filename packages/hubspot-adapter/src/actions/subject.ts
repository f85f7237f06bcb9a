import { argumentError } from "@otpkit/otp-core";

// The one place that names engine subjects for HubSpot records. Every handler (workflow actions,
// card, hosted page) builds subjects here, so one contact is one subject everywhere.

/** The engine purpose of every code the HubSpot app issues (workflows and the card share it). */
export const HUBSPOT_OTP_PURPOSE = "hubspot";

/** The records a code can be for: the enrolled contact, or a deal (its owner or approver). */
export type HubSpotObjectKind = "contact" | "deal";

/** A HubSpot record, as a subject names it. */
export interface HubSpotSubjectRef {
  portalId: number;
  objectType: HubSpotObjectKind;
  /** HubSpot's record id (digits). */
  objectId: string;
}

const SUBJECT = /^hubspot:([1-9][0-9]{0,15}):(contact|deal):([0-9]{1,20})$/;

/**
 * The engine subject of a HubSpot record: `hubspot:<portalId>:<contact|deal>:<objectId>`.
 *
 * Why the portal is in it: every portal shares one OTP store, and contact 5101 of one portal is
 * not contact 5101 of another; a code issued in one portal never verifies in another.
 *
 * @param ref The portal, the record type and its id.
 * @returns The subject.
 * @throws {OtpError} `INVALID_ARGUMENT` for a portal id that is not a positive safe integer, an
 *   unknown type, or an id that is not HubSpot's digits.
 * @example
 * ```ts
 * hubspotSubject({ portalId: 101, objectType: "contact", objectId: "5101" }); // "hubspot:101:contact:5101"
 * ```
 */
export function hubspotSubject(ref: HubSpotSubjectRef): string {
  const { portalId, objectType, objectId } = ref;
  if (!Number.isSafeInteger(portalId) || portalId < 1) {
    throw argumentError("portalId", "a positive safe integer", portalId, { source: "hubspot" });
  }
  if (objectType !== "contact" && objectType !== "deal") {
    throw argumentError("objectType", '"contact" or "deal"', objectType, { source: "hubspot" });
  }
  if (typeof objectId !== "string" || !/^[0-9]{1,20}$/.test(objectId)) {
    throw argumentError("objectId", "a HubSpot record id (digits)", objectId, {
      source: "hubspot",
    });
  }
  return `hubspot:${portalId}:${objectType}:${objectId}`;
}

/**
 * The record a subject built by {@link hubspotSubject} names, or `undefined` for any other
 * subject (the event sink sees only its own, but says so rather than guess).
 *
 * @param subject An engine subject.
 * @returns The portal, type and id, or `undefined`.
 * @throws Never.
 * @example
 * ```ts
 * parseHubSpotSubject("hubspot:101:contact:5101"); // { portalId: 101, objectType: "contact", objectId: "5101" }
 * parseHubSpotSubject("user-42"); // undefined
 * ```
 */
export function parseHubSpotSubject(subject: string): HubSpotSubjectRef | undefined {
  const match = typeof subject === "string" ? SUBJECT.exec(subject) : null;
  if (match === null) return undefined;
  const portalId = Number(match[1]);
  if (!Number.isSafeInteger(portalId)) return undefined;
  return { portalId, objectType: match[2] as HubSpotObjectKind, objectId: match[3] as string };
}
