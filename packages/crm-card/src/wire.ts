// What the otpkit server's card and settings APIs answer, as JSON. Written out here rather than
// imported: the card talks to the server only over HTTP (it never imports server code), and a
// type test (`wire.test.ts`) holds these equal to the adapter's own types, so they cannot drift.

/** Why the card cannot show the active code. */
export type CodeUnavailableReason = "hash_only" | "property_empty" | "replayed" | "not_retained";

/** Why there is no code, and a sentence a support agent understands. */
export interface CodeUnavailable {
  reason: CodeUnavailableReason;
  message: string;
}

/** The contact's active code (seed 000: expires at, valid for, reference, stored in). */
export interface CardActiveCode {
  codeId: string;
  /** Epoch ms. */
  issuedAt: number;
  /** Epoch ms; shown in the portal's time zone. */
  expiresAt: number;
  validForMinutes: number;
  /** The masked address it went to, else the contact's masked e-mail; or null. */
  reference: string | null;
  /** The contact property holding a copy, when property storage is on. */
  storedIn: string | null;
  attemptsUsed: number;
  attemptsRemaining: number;
  maxAttempts: number;
  /** `email`, or `none` when it was not sent. */
  channel: string;
}

/** GET /hubspot/card/status: everything the card renders. */
export interface CardStatus {
  contactId: string;
  active: CardActiveCode | null;
  locked: boolean;
  /** Epoch ms; null when not locked, or locked until an operator unlocks. */
  lockedUntil: number | null;
  /** When the next code may be generated, epoch ms; null: now. */
  nextSendAt: number | null;
  emailEnabled: boolean;
  propertyStorageEnabled: boolean;
  storage: "hash" | "encrypted";
  canShowCode: boolean;
  /** The address Resend sends to (e-mail on only). */
  recipientEmail: string | null;
  code?: string;
  codeSource?: "generated" | "engine" | "property";
  codeUnavailable?: CodeUnavailable;
  /** The server's clock, epoch ms. */
  now: number;
}

/** 200 from generate / resend / regenerate. */
export interface CardGenerated extends CardStatus {
  outcome: "generated";
  replayed: boolean;
}

/** 409 from generate / resend / regenerate: too soon or too many codes. */
export interface CardThrottled {
  outcome: "throttled";
  reason: "cooldown" | "max_sends";
  retryAfter: number;
  nextSendAt: number;
  replayed: boolean;
}

/** 423 from generate / resend / regenerate: locked after too many wrong codes. */
export interface CardLocked {
  outcome: "locked";
  lockedUntil: number | null;
  retryAfter: number | null;
  replayed: boolean;
}

/**
 * The texts of a portal's code e-mail. `body` is the text above the code (the code goes on a line
 * of its own below it); `{expiry_minutes}` is the only placeholder.
 */
export interface EmailTexts {
  subject: string;
  greeting: string;
  body: string;
  footer: string;
}

/** A portal's settings as the settings API reads and saves them. */
export interface PortalSettings {
  code: { type: "numeric" | "alphanumeric" | "alpha"; length: 4 | 6 | 8; allowWeak: boolean };
  expiryMinutes: 5 | 10 | 15 | 30 | 60;
  allowLongExpiry: boolean;
  maxAttempts: number;
  lockout: { maxFailures: number; durationMinutes: number };
  /** ISO 3166 two-letter code. */
  defaultCountry: string;
  email: {
    enabled: boolean;
    /** The English e-mail, and the one for every language otpkit has no e-mail in. */
    template: EmailTexts;
    /**
     * Per language tag (`de`, `pt-BR`; never `en`): the parts that replace otpkit's built-in
     * e-mail in that language. A part left out keeps the built-in text.
     */
    translations: Record<string, Partial<EmailTexts>>;
  };
  whatsapp: {
    enabled: boolean;
    templates: { code?: string; retry?: string; lockout?: string; unlock?: string };
  };
  propertyStorage: { enabled: boolean; property: string };
  storage: "hash" | "encrypted";
}

/** The choices the page's selects offer (the server's schema, never restated in the page). */
export interface SettingsChoices {
  codeTypes: readonly string[];
  codeLengths: readonly number[];
  expiryMinutes: readonly number[];
}

/** GET /hubspot/settings. */
export interface SettingsView {
  settings: PortalSettings;
  /** False until the portal saved once (the defaults are shown). */
  saved: boolean;
  choices: SettingsChoices;
  /** Saved settings that no longer validate: what to fix, by dotted path. */
  fieldErrors?: Record<string, string>;
}

/** A contact property that can hold the code. */
export interface CrmPropertyChoice {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
}

/** GET /hubspot/settings/properties. */
export interface PropertyChoices {
  properties: CrmPropertyChoice[];
  appProperty: { name: string; label: string; exists: boolean };
  fetchedAt: number;
}

/** POST /hubspot/settings/preview: the e-mail with a sample code. */
export interface EmailPreview {
  subject: string;
  text: string;
  html: string;
  locale: string;
  sampleCode: string;
}
