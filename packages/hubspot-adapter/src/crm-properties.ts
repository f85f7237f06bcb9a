import type { OptionInput } from "@hubspot/api-client/lib/codegen/crm/properties/models/OptionInput.js";
import type { PropertyCreate } from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js";
import {
  PropertyCreateFieldTypeEnum as FieldType,
  PropertyCreateTypeEnum as PropertyType,
} from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js";
import type { PropertyGroupCreate } from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyGroupCreate.js";
import { OTP_EVENT_TYPES } from "@otpkit/otp-core";

// The one place that names what the app keeps on a contact. The installer creates exactly these
// (api-client 13.4.0 shapes: the enums are the generated client's own, imported from the model
// file, which has no dependencies), and `propertyUpdatesFor` writes only these.

/** The contact property group every otpkit property lives in. */
export const OTPKIT_PROPERTY_GROUP: Readonly<PropertyGroupCreate> = Object.freeze({
  name: "otpkit",
  label: "OTP verification",
} satisfies PropertyGroupCreate);

/** The internal names of the properties the app creates on install. */
export const OTPKIT_PROPERTY_NAMES = Object.freeze({
  status: "otpkit_verification_status",
  verifiedAt: "otpkit_verified_at",
  attemptsUsed: "otpkit_attempts_used",
  lockedUntil: "otpkit_locked_until",
  lastChannel: "otpkit_last_channel",
  lastOutcome: "otpkit_last_outcome",
  lastOutcomeAt: "otpkit_last_outcome_at",
} as const);

/** The internal name of the optional property for a plaintext copy of the code. */
export const OTPKIT_CODE_PROPERTY_NAME = "otpkit_code";

/** Values of `otpkit_verification_status`. */
export const VERIFICATION_STATUSES = [
  "pending",
  "verified",
  "failed",
  "expired",
  "locked",
] as const;
/** A value of `otpkit_verification_status`. */
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Values of `otpkit_last_channel`; channels other than the two built-in ones are `other`. */
export const LAST_CHANNELS = ["email", "whatsapp", "other", "none"] as const;
/** A value of `otpkit_last_channel`. */
export type LastChannel = (typeof LAST_CHANNELS)[number];

const STATUS_LABELS: Readonly<Record<VerificationStatus, string>> = {
  pending: "Pending (a code is out)",
  verified: "Verified",
  failed: "Failed",
  expired: "Expired or withdrawn",
  locked: "Locked",
};

const CHANNEL_LABELS: Readonly<Record<LastChannel, string>> = {
  email: "E-mail",
  whatsapp: "WhatsApp",
  other: "Other channel",
  none: "Not sent by the app",
};

/**
 * Values of `otpkit_last_outcome`: every otp-core event type, plus the two check answers that
 * change no state and so have no event (the Verify action records them: seed 002's audit trail).
 */
export const LAST_OUTCOMES = [...OTP_EVENT_TYPES, "not_found", "malformed"] as const;

/** A value of `otpkit_last_outcome`. */
export type LastOutcome = (typeof LAST_OUTCOMES)[number];

// Keyed by the outcomes: a new event type fails to compile here until it has a label.
const OUTCOME_LABELS: Readonly<Record<LastOutcome, string>> = {
  issued: "Code issued",
  delivered: "Code delivered",
  delivery_failed: "Delivery failed",
  verified: "Verified",
  failed: "Wrong code entered",
  expired: "Code expired",
  exhausted: "Out of attempts",
  locked: "Locked after too many wrong codes",
  unlocked: "Unlocked",
  revoked: "Code withdrawn",
  quota_exceeded: "Send quota reached",
  not_found: "Checked with no active code",
  malformed: "Checked with input that is not a code",
};

function options<K extends string>(
  values: readonly K[],
  labels: Readonly<Record<K, string>>,
): OptionInput[] {
  // `hidden` is required by the generated types (OptionInput.hidden: boolean).
  return values.map((value, displayOrder) => ({
    label: labels[value],
    value,
    hidden: false,
    displayOrder,
  }));
}

// Why formField: false everywhere: these record what the app decided. Offered in forms, a
// visitor could submit "verified" for themselves; only the app (and CRM users) should write them.
const COMMON = { groupName: OTPKIT_PROPERTY_GROUP.name, formField: false, hasUniqueValue: false };

/**
 * The properties the app creates in the {@link OTPKIT_PROPERTY_GROUP} group on install, in
 * `PropertyCreate` shape (`crm.properties.coreApi.create("contacts", definition)`). Datetimes are
 * written as epoch-ms strings.
 */
export const OTPKIT_PROPERTIES: readonly Readonly<PropertyCreate>[] = Object.freeze([
  {
    ...COMMON,
    name: OTPKIT_PROPERTY_NAMES.status,
    label: "OTP verification status",
    description: "Where the contact's latest one-time code stands. Written by the otpkit app.",
    type: PropertyType.Enumeration,
    fieldType: FieldType.Select,
    options: options(VERIFICATION_STATUSES, STATUS_LABELS),
    displayOrder: 0,
  },
  {
    ...COMMON,
    name: OTPKIT_PROPERTY_NAMES.verifiedAt,
    label: "OTP verified at",
    description: "When the contact last entered a correct one-time code.",
    type: PropertyType.Datetime,
    fieldType: FieldType.Date,
    displayOrder: 1,
  },
  {
    ...COMMON,
    name: OTPKIT_PROPERTY_NAMES.attemptsUsed,
    label: "OTP wrong attempts",
    description: "Wrong codes entered against the current code (reset when a new code is issued).",
    type: PropertyType.Number,
    fieldType: FieldType.Number,
    displayOrder: 2,
  },
  {
    ...COMMON,
    name: OTPKIT_PROPERTY_NAMES.lockedUntil,
    label: "OTP locked until",
    description:
      "While the contact is locked out after too many wrong codes: until when. Empty with status Locked: until an admin unlocks.",
    type: PropertyType.Datetime,
    fieldType: FieldType.Date,
    displayOrder: 3,
  },
  {
    ...COMMON,
    name: OTPKIT_PROPERTY_NAMES.lastChannel,
    label: "OTP last channel",
    description: "How the latest code went out.",
    type: PropertyType.Enumeration,
    fieldType: FieldType.Select,
    options: options(LAST_CHANNELS, CHANNEL_LABELS),
    displayOrder: 4,
  },
  {
    ...COMMON,
    name: OTPKIT_PROPERTY_NAMES.lastOutcome,
    label: "OTP last outcome",
    description: "The latest thing that happened to the contact's one-time code.",
    type: PropertyType.Enumeration,
    fieldType: FieldType.Select,
    options: options(LAST_OUTCOMES, OUTCOME_LABELS),
    displayOrder: 5,
  },
  {
    ...COMMON,
    name: OTPKIT_PROPERTY_NAMES.lastOutcomeAt,
    label: "OTP last outcome at",
    description: "When the latest outcome happened (the audit trail's timestamp).",
    type: PropertyType.Datetime,
    fieldType: FieldType.Date,
    displayOrder: 6,
  },
] satisfies PropertyCreate[]);

/**
 * The definition of the optional property holding a plaintext copy of the code, created only
 * when an admin turns property storage on and lets the app create it (they may pick one of their
 * own string properties instead). The app clears it when the code stops working.
 */
export const OTPKIT_CODE_PROPERTY: Readonly<PropertyCreate> = Object.freeze({
  ...COMMON,
  name: OTPKIT_CODE_PROPERTY_NAME,
  label: "OTP code (temporary copy)",
  description:
    "A copy of the contact's current one-time code, for e-mail personalization. The otpkit app empties it once the code is used, expires, is replaced or the contact is locked.",
  type: PropertyType.String,
  fieldType: FieldType.Text,
  displayOrder: 6,
} satisfies PropertyCreate);

const MANAGED = new Set<string>(Object.values(OTPKIT_PROPERTY_NAMES));
// HubSpot internal names: a lower-case letter, then lower-case letters, digits and underscores.
const PROPERTY_NAME = /^[a-z][a-z0-9_]{0,99}$/;

/**
 * Why a property cannot hold the plaintext copy of the code, in words for an admin, or
 * `undefined` when it can. Refused: malformed internal names, HubSpot's own `hs_` properties,
 * and the app's status properties (the code would overwrite them, and clearing it would erase
 * them).
 *
 * @param name The property's internal name (`"otpkit_code"`, `"otp_code"`).
 * @returns A message naming the fix, or `undefined`.
 * @example
 * ```ts
 * codePropertyProblem("otpkit_code"); // undefined
 * codePropertyProblem("hs_lead_status"); // "HubSpot's own properties (hs_…) cannot hold the code; …"
 * ```
 */
export function codePropertyProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || !PROPERTY_NAME.test(name)) {
    return "Choose a contact property by its internal name (lower-case letters, digits and _, starting with a letter).";
  }
  if (name.startsWith("hs_")) {
    return "HubSpot's own properties (hs_…) cannot hold the code; choose or create another one.";
  }
  if (MANAGED.has(name)) {
    return "This property records the verification itself; choose another one for the code.";
  }
  return undefined;
}
