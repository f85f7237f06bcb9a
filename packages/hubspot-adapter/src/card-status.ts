// Internal to the card API: what the contact card shows, built from the engine's lookup, the
// portal's settings and the contact. Pure: no call, no clock of its own.
import type { OtpStatus } from "@otpkit/otp-core";
import { maskEmail } from "@otpkit/otp-core";
import type { PortalSettings } from "./settings.js";

/** Why the card cannot show the active code. */
export type CodeUnavailableReason =
  /** The app keeps only a keyed hash of each code (storage `hash`, no property copy). */
  | "hash_only"
  /** Property storage is on, but the property is empty (being written, or cleared by hand). */
  | "property_empty"
  /** The answer to a retried request: the code was in the first answer and is not kept. */
  | "replayed"
  /** The code was made before the portal kept codes encrypted. */
  | "not_retained";

/** Why there is no code, and a sentence a support agent understands. */
export interface CodeUnavailable {
  reason: CodeUnavailableReason;
  message: string;
}

/** The contact's active code, as the card shows it (seed 000). */
export interface CardActiveCode {
  codeId: string;
  /** Epoch ms. */
  issuedAt: number;
  /** "Expires at", epoch ms (the card formats it in the portal's time zone). */
  expiresAt: number;
  /** "Valid for": the code's whole life, in minutes. */
  validForMinutes: number;
  /** "Reference": the masked address it went to, else the contact's masked e-mail; or null. */
  reference: string | null;
  /** "Stored in": the contact property holding a copy, when property storage is on. */
  storedIn: string | null;
  attemptsUsed: number;
  /** Wrong guesses left before the code ends (or the contact locks). */
  attemptsRemaining: number;
  maxAttempts: number;
  /** The channel that delivered it (`email`), or `none` when it was not sent. */
  channel: string;
}

/** GET status: everything the card needs to render. */
export interface CardStatus {
  contactId: string;
  active: CardActiveCode | null;
  /** Locked out after too many wrong codes: no code can be generated. */
  locked: boolean;
  /** Epoch ms; `null` when not locked or locked until an operator unlocks. */
  lockedUntil: number | null;
  /** When the next code may be generated (throttle), epoch ms; `null`: now. */
  nextSendAt: number | null;
  /** Whether the app e-mails codes (Resend) or not (Regenerate). */
  emailEnabled: boolean;
  propertyStorageEnabled: boolean;
  /** How codes are kept: `hash` (never shown again) or `encrypted`. */
  storage: "hash" | "encrypted";
  /** Whether this portal can show an active code again (encrypted storage or a property copy). */
  canShowCode: boolean;
  /** The address Resend sends to, for the confirmation (only with e-mail on). */
  recipientEmail: string | null;
  /** The active code, where the portal allows showing it. */
  code?: string;
  /** Where `code` comes from. */
  codeSource?: "generated" | "engine" | "property";
  /** Set when there is an active code but no `code`. */
  codeUnavailable?: CodeUnavailable;
  /** The server's clock, epoch ms: count down from it, not from the browser's. */
  now: number;
}

/** The answer to a POST that made (or replayed) a code: the status after it. */
export interface CardGenerated extends CardStatus {
  outcome: "generated";
  /** True when this is the answer to an earlier call with the same `requestId` (no new code). */
  replayed: boolean;
}

/** 409: the contact got a code too recently (`cooldown`) or too often (`max_sends`). */
export interface CardThrottled {
  outcome: "throttled";
  reason: "cooldown" | "max_sends";
  /** Seconds until a code may be generated (also the `Retry-After` header). */
  retryAfter: number;
  /** When a code may be generated, epoch ms. */
  nextSendAt: number;
  replayed: boolean;
}

/** 423: the contact is locked out after too many wrong codes. */
export interface CardLocked {
  outcome: "locked";
  /** Epoch ms; `null` until an operator unlocks. */
  lockedUntil: number | null;
  /** Seconds until the lock ends; `null` with `lockedUntil`. */
  retryAfter: number | null;
  replayed: boolean;
}

/** The contact values the status reads. */
export interface CardStatusContact {
  email: string | null;
  /** The property copy of the code (property storage on), or null. */
  storedCode: string | null;
}

const MINUTE = 60_000;
// A code copy is printable ASCII (otp-core's alphabets); anything else in the property is not a code.
const CODE_SHAPE = /^[\x21-\x7e]{1,64}$/;

/** @internal The card's view of a contact's code. */
export function cardStatus(input: {
  contactId: string;
  settings: PortalSettings;
  lookup: OtpStatus;
  contact: CardStatusContact | null;
  now: number;
  /** A code just issued (and still active). */
  code?: string;
  replayed?: boolean;
}): CardStatus {
  const { settings, lookup, contact } = input;
  const property = settings.propertyStorage.enabled ? settings.propertyStorage.property : null;
  const canShowCode = settings.storage === "encrypted" || property !== null;
  const email = contact?.email ?? null;
  const a = lookup.active;
  const base: CardStatus = {
    contactId: input.contactId,
    active:
      a === null
        ? null
        : {
            codeId: a.codeId,
            issuedAt: a.issuedAt,
            expiresAt: a.expiresAt,
            validForMinutes: Math.round((a.expiresAt - a.issuedAt) / MINUTE),
            reference: a.destination ?? (email === null ? null : maskEmail(email)),
            storedIn: property,
            attemptsUsed: a.attemptsUsed,
            attemptsRemaining: a.attemptsRemaining,
            maxAttempts: a.maxAttempts,
            channel: a.channel ?? "none",
          },
    locked: lookup.locked,
    lockedUntil: lookup.lockedUntil,
    nextSendAt: lookup.nextSendAt,
    emailEnabled: settings.email.enabled,
    propertyStorageEnabled: property !== null,
    storage: settings.storage,
    canShowCode,
    recipientEmail: settings.email.enabled ? email : null,
    now: input.now,
  };
  if (a === null) return base;
  const stored = contact?.storedCode;
  if (input.code !== undefined) return { ...base, code: input.code, codeSource: "generated" };
  if (a.code !== undefined) return { ...base, code: a.code, codeSource: "engine" };
  if (property !== null && stored && CODE_SHAPE.test(stored)) {
    return { ...base, code: stored, codeSource: "property" };
  }
  return { ...base, codeUnavailable: unavailable(input.replayed === true, canShowCode, property) };
}

function unavailable(
  replayed: boolean,
  canShowCode: boolean,
  property: string | null,
): CodeUnavailable {
  if (replayed) {
    if (property !== null) {
      return {
        reason: "replayed",
        message: `This code was shown when it was generated. Reload the card to read its copy in the property "${property}".`,
      };
    }
    return {
      reason: "replayed",
      message:
        "This code was shown when it was generated and is not kept, so it cannot be shown again.",
    };
  }
  if (!canShowCode) {
    return {
      reason: "hash_only",
      message:
        "For security, this app keeps only a fingerprint of each code, so the code cannot be shown again. Generate a new code if the contact needs one.",
    };
  }
  if (property !== null) {
    return {
      reason: "property_empty",
      message: `The copy of the code in the property "${property}" is empty. It may still be being written: reload the card in a moment.`,
    };
  }
  return {
    reason: "not_retained",
    message: "This code was made before the app kept codes for display, so it cannot be shown.",
  };
}
