import { OTPKIT_PROPERTY_NAMES } from "../crm-properties.js";
import { CODE_LENGTHS, CODE_TYPES, EXPIRY_MINUTES } from "../settings.js";

// The workflow actions' field names and values: the one source of truth. The HubSpot project
// files (`*-hsmeta.json` of the three workflow actions) are generated from or tested against
// these; the handlers read and write nothing else.

/** Inputs of "Generate OTP" (internal names, as in the action definition's `inputFields`). */
export const GENERATE_INPUTS = Object.freeze({
  /** The contact property holding the e-mail address. @default "email" */
  emailProperty: "email_property",
  /** The contact property holding the phone. @default "mobilephone", then "phone" */
  phoneProperty: "phone_property",
  /** The contact property holding the preferred language (the e-mail's language). @default "hs_language" */
  languageProperty: "language_property",
  /** One of {@link DELIVERY_OPTIONS}. @default "auto" */
  delivery: "delivery",
  /** `"true"` to use the three fields below instead of the app settings. @default "false" */
  overrideSettings: "override_settings",
  /** One of {@link CODE_LENGTHS} (with `override_settings`). */
  codeLength: "code_length",
  /** One of {@link EXPIRY_MINUTES} (with `override_settings`; over 10 only if the portal allows it). */
  expiryMinutes: "expiry_minutes",
  /** One of {@link CODE_TYPES} (with `override_settings`). */
  codeType: "code_type",
  /** Deals: the approver's e-mail address; empty: the deal owner's. */
  approverEmail: "approver_email",
} as const);

/** How "Generate OTP" delivers: `auto` lets the engine choose by the data (phone channels first). */
export const DELIVERY_OPTIONS = ["auto", "email", "whatsapp", "none"] as const;
/** A value of the `delivery` input. */
export type DeliveryOption = (typeof DELIVERY_OPTIONS)[number];

/** The choices the override inputs offer: the settings page's own. */
export const OVERRIDE_CHOICES = Object.freeze({
  codeLength: CODE_LENGTHS,
  expiryMinutes: EXPIRY_MINUTES,
  codeType: CODE_TYPES,
});

/** The properties read when an input names none. */
export const DEFAULT_RECIPIENT_PROPERTIES = Object.freeze({
  email: "email",
  phone: Object.freeze(["mobilephone", "phone"] as const),
  language: "hs_language",
  /** Deals: who owns the deal. */
  dealOwner: "hubspot_owner_id",
});

/** Outputs of "Generate OTP" (all strings). */
export const GENERATE_OUTPUTS = Object.freeze({
  /** One of {@link GENERATE_STATUSES}. */
  status: "otp_status",
  /** When the code stops working, epoch ms (a HubSpot datetime). Only with `generated`. */
  expiresAt: "otp_expires_at",
  /** The channel that delivered it (`email`, `whatsapp`), or `none`. Only with `generated`. */
  channel: "otp_channel",
  /** The masked destination (`j***@example.com`, `***78`). Only when delivered. */
  destination: "otp_destination",
  /** Why not `generated`: one of {@link GENERATE_ERRORS}, or the throttle's reason. */
  error: "otp_error",
} as const);

/** Values of `otp_status`. */
export const GENERATE_STATUSES = ["generated", "failed", "throttled", "locked"] as const;
/** A value of `otp_status`. */
export type GenerateStatus = (typeof GENERATE_STATUSES)[number];

/**
 * Values of `otp_error`. With `failed`: what went wrong, for a branch or the workflow history;
 * with `throttled`: `cooldown` or `max_sends`; with `locked`: `locked`.
 */
export const GENERATE_ERRORS = [
  "contact_not_found",
  "deal_not_found",
  "no_email",
  "no_phone",
  "no_recipient",
  "phone_not_a_number",
  "phone_unknown_country",
  "phone_not_possible",
  "phone_invalid",
  "country_not_allowed",
  "invalid_approver_email",
  "no_owner",
  "owner_no_email",
  "expiry_not_allowed",
  "code_too_weak",
  "no_channel",
  "no_delivery",
  "delivery_failed",
  "crm_rejected",
  "idempotency_conflict",
  "cooldown",
  "max_sends",
  "locked",
] as const;
/** A value of `otp_error`. */
export type GenerateError = (typeof GENERATE_ERRORS)[number];

/** Inputs of "Verify OTP". */
export const VERIFY_INPUTS = Object.freeze({
  /** What the person entered: a property of the enrolled record (a form field) or a static value. */
  submittedCode: "submitted_code",
} as const);

/** Outputs of "Verify OTP" (all strings). */
export const VERIFY_OUTPUTS = Object.freeze({
  /** One of {@link VERIFY_RESULTS}. */
  result: "otp_result",
  /** Wrong guesses left: with `invalid`; `0` with `exhausted` and `locked`. */
  attemptsRemaining: "otp_attempts_remaining",
  /** With `locked`: until when, epoch ms; empty when an operator must unlock. */
  lockedUntil: "otp_locked_until",
} as const);

/** Values of `otp_result` (Verify OTP). */
export const VERIFY_RESULTS = [
  "verified",
  "invalid",
  "exhausted",
  "expired",
  "locked",
  "not_found",
  "malformed",
] as const;
/** A value of `otp_result` (Verify OTP). */
export type VerifyResultValue = (typeof VERIFY_RESULTS)[number];

/** Inputs of "Wait for verification". */
export const WAIT_INPUTS = Object.freeze({
  /** How long to wait: an ISO-8601 duration (`PT30M`, `PT2H`, `P1D`) or minutes (`"45"`). @default PT30M */
  expiration: "expiration_duration",
} as const);

/** Outputs of "Wait for verification", sent when the callback completes. */
export const WAIT_OUTPUTS = Object.freeze({
  /** One of {@link WAIT_RESULTS}. */
  result: "otp_result",
} as const);

/** Values of `otp_result` (Wait for verification). */
export const WAIT_RESULTS = ["verified", "expired"] as const;
/** A value of `otp_result` (Wait for verification). */
export type WaitResult = (typeof WAIT_RESULTS)[number];

/**
 * The properties each action's definition should ask HubSpot for (`objectRequestOptions`), so
 * the handler needs no CRM read: the defaults above, and for Verify the wrong-attempts count
 * that the CRM sync increments.
 */
export const OBJECT_REQUEST_PROPERTIES = Object.freeze({
  generate: Object.freeze([
    DEFAULT_RECIPIENT_PROPERTIES.email,
    ...DEFAULT_RECIPIENT_PROPERTIES.phone,
    DEFAULT_RECIPIENT_PROPERTIES.language,
  ]),
  generateDeal: Object.freeze([DEFAULT_RECIPIENT_PROPERTIES.dealOwner]),
  verify: Object.freeze([OTPKIT_PROPERTY_NAMES.attemptsUsed]),
});

/** HubSpot's control key in `outputFields`, and its values the actions answer with. */
export const EXECUTION_STATE = "hs_execution_state";
/** With `BLOCK`: how long HubSpot holds the enrollment (ISO-8601 duration). */
export const EXPIRATION_DURATION = "hs_expiration_duration";
