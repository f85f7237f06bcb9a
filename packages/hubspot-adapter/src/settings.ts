import type { AlphabetName, OtpOptions } from "@otpkit/otp-core";
import { ALPHABETS, createCodePolicy, MIN_BITS, OTP_DEFAULTS, OTP_LIMITS } from "@otpkit/otp-core";
import * as z from "zod";
import { codePropertyProblem, OTPKIT_CODE_PROPERTY_NAME } from "./crm-properties.js";
import { emailTemplateFields, emailTranslations } from "./email-texts.js";
import {
  among,
  choice,
  country,
  onOff,
  section,
  templateName,
  wholeNumber,
} from "./settings-fields.js";
import { settingsIssues, unknownKeysError, withoutUnknownKeys } from "./settings-keys.js";

export {
  DEFAULT_EMAIL_TEMPLATE,
  EXPIRY_PLACEHOLDER,
  MAX_EMAIL_TRANSLATIONS,
} from "./email-texts.js";

// A portal's settings, as its admin edits them on the app's settings page. Every number the
// engine also knows (defaults, ranges) is read from otp-core's OTP_DEFAULTS / OTP_LIMITS, never
// restated; only the product's choices (which lengths and expiries the page offers) live here.

const MINUTE = 60_000;

/** The code types the page offers: otp-core's alphabets. */
export const CODE_TYPES = Object.keys(ALPHABETS) as [AlphabetName, ...AlphabetName[]];
/** The code lengths the page offers (within otp-core's `OTP_LIMITS.codeLength`). */
export const CODE_LENGTHS = [4, 6, 8] as const;
/** The expiries the page offers, in minutes; over 10 needs `allowLongExpiry`. */
export const EXPIRY_MINUTES = [5, 10, 15, 30, 60] as const;

const MINUTES_RANGE = (range: readonly [number, number]) =>
  [Math.ceil(range[0] / MINUTE), Math.floor(range[1] / MINUTE)] as const;

const kinds = {
  code: templateName,
  retry: templateName,
  lockout: templateName,
  unlock: templateName,
};

/**
 * The settings schema (zod 4). Missing fields take their defaults; an unknown key at any level
 * is an `unrecognized_keys` issue (saved records: {@link dropUnknownSettings} first).
 */
export const portalSettingsSchema = z
  .strictObject(
    {
      code: section(
        "code",
        {
          type: z
            .enum(CODE_TYPES, { error: "Choose numeric, alphanumeric or alpha." })
            .default(OTP_DEFAULTS.code.alphabet),
          length: choice(CODE_LENGTHS, "Choose a length of 4, 6 or 8 characters.").default(
            among(CODE_LENGTHS, OTP_DEFAULTS.code.length, "code length"),
          ),
          /** Accept a code under 20 bits (4 digits, 4 letters), as otp-core's `allowWeak`. */
          allowWeak: onOff.default(false),
        },
        "Choose the code's type and length.",
      ),
      expiryMinutes: choice(EXPIRY_MINUTES, "Choose 5, 10, 15, 30 or 60 minutes.").default(
        among(EXPIRY_MINUTES, OTP_DEFAULTS.ttlMs / MINUTE, "expiry"),
      ),
      /** Accept an expiry over 10 minutes, as otp-core's `allowLongTtl`. */
      allowLongExpiry: onOff.default(false),
      maxAttempts: wholeNumber(OTP_LIMITS.maxAttempts).default(OTP_DEFAULTS.maxAttempts),
      lockout: section(
        "lockout",
        {
          maxFailures: wholeNumber(OTP_LIMITS.maxFailures).default(
            OTP_DEFAULTS.lockout.maxFailures,
          ),
          durationMinutes: wholeNumber(
            MINUTES_RANGE(OTP_LIMITS.lockDurationMs),
            " minutes",
          ).default(OTP_DEFAULTS.lockout.durationMs / MINUTE),
        },
        "Set the lockout's failures and duration.",
      ),
      defaultCountry: country.default("US"),
      email: section(
        "email",
        {
          enabled: onOff.default(false),
          template: section("email.template", emailTemplateFields, "Fill in the e-mail texts."),
          /**
           * Per-language texts (`{ de: { subject: "…" } }`) over otpkit's built-in e-mail in that
           * language, for contacts whose language is `de` (or `de-AT`, …). `template` is English
           * and every language otpkit has no e-mail for.
           */
          translations: emailTranslations.default({}),
        },
        "Set up e-mail delivery.",
      ),
      whatsapp: section(
        "whatsapp",
        {
          enabled: onOff.default(false),
          /** Template names per message kind; absent: the WhatsApp channel's defaults (tmpl_otp_*). */
          templates: section("whatsapp.templates", kinds, "Enter the WhatsApp template names."),
        },
        "Set up WhatsApp delivery.",
      ),
      propertyStorage: section(
        "propertyStorage",
        {
          enabled: onOff.default(false),
          property: z
            .string({ error: "Choose a contact property." })
            .superRefine((name, ctx) => {
              const problem = codePropertyProblem(name);
              if (problem !== undefined) ctx.addIssue(problem);
            })
            .default(OTPKIT_CODE_PROPERTY_NAME),
        },
        "Set up property storage.",
      ),
      storage: z
        .enum(["hash", "encrypted"], { error: "Choose hash or encrypted." })
        .default(OTP_DEFAULTS.storage),
    },
    {
      // The top level's keys are the schema's own (read when an issue is raised, not before).
      error: (issue): string =>
        unknownKeysError(
          "the settings are",
          Object.keys(portalSettingsSchema.shape),
          "Send the settings as an object.",
        )(issue),
    },
  )
  .superRefine((s, ctx) => {
    // zod runs this only when the fields it reads parsed; the guards keep it safe regardless.
    if (typeof s.code?.length !== "number" || typeof s.expiryMinutes !== "number") return;
    // The strength rule is otp-core's (createCodePolicy): ask it rather than restate it.
    try {
      createCodePolicy({
        alphabet: s.code.type,
        length: s.code.length,
        allowWeak: s.code.allowWeak,
      });
    } catch {
      ctx.addIssue({
        code: "custom",
        path: ["code", "length"],
        message: `A ${s.code.length}-character ${s.code.type} code is too easy to guess (under ${MIN_BITS} bits). Choose a longer code, or turn on "Allow weak codes" if you accept the risk.`,
      });
    }
    // Why: NIST SP 800-63B-4 and OWASP ASVS 5.0 cap out-of-band codes at 10 minutes; longer
    // needs the admin's explicit opt-in, as otp-core's allowLongTtl.
    const capMinutes = OTP_LIMITS.ttlMsWithoutOptIn / MINUTE;
    if (s.expiryMinutes > capMinutes && !s.allowLongExpiry) {
      ctx.addIssue({
        code: "custom",
        path: ["expiryMinutes"],
        message: `Codes sent by e-mail or message should expire within ${capMinutes} minutes (NIST SP 800-63B-4, OWASP ASVS 5.0). Choose ${capMinutes} or less, or turn on "Allow longer expiry" to go beyond knowingly.`,
      });
    }
  });

/** A portal's settings, validated and with every default filled in. */
export type PortalSettings = z.output<typeof portalSettingsSchema>;
/** What the settings page may send: any subset of {@link PortalSettings}. */
export type PortalSettingsInput = z.input<typeof portalSettingsSchema>;

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

/** The settings of a portal that never saved any (deep-frozen). */
export const DEFAULT_PORTAL_SETTINGS: DeepReadonly<PortalSettings> = deepFreeze(
  portalSettingsSchema.parse({}),
);

/** The outcome of {@link parsePortalSettings}. */
export type ParsePortalSettingsResult =
  | { ok: true; settings: PortalSettings }
  | {
      ok: false;
      /** Dotted path (`"email.template.subject"`; `""` for the whole input) → what to fix. */
      fieldErrors: Record<string, string>;
      /** The dotted paths of keys the settings do not have (`"code.lenght"`), each in `fieldErrors`. */
      unknownKeys: string[];
    };

/**
 * Validates settings from the settings page and fills in the defaults. Messages are written for
 * the admin who will read them next to the field; the first problem of each field is reported.
 * A key the settings do not have, at any level, is refused at its own path (and listed in
 * `unknownKeys`). The cross-field rules (a weak code, an expiry over 10 minutes) show up once
 * the fields they read are valid themselves. For saved settings, see {@link dropUnknownSettings}.
 *
 * @param input The JSON the page sent; `undefined` gives the defaults.
 * @returns `{ ok: true, settings }` or `{ ok: false, fieldErrors, unknownKeys }`.
 * @throws Never: every problem is a field error.
 * @example
 * ```ts
 * const r = parsePortalSettings({ expiryMinutes: 30 });
 * // { ok: false, fieldErrors: { expiryMinutes: "Codes sent by e-mail or message should expire within 10 minutes …" }, unknownKeys: [] }
 * parsePortalSettings({ expiryMinutes: 30, allowLongExpiry: true }); // { ok: true, settings: { … } }
 * parsePortalSettings({ code: { lenght: 8 } }); // { ok: false, …, unknownKeys: ["code.lenght"] }
 * ```
 */
export function parsePortalSettings(input: unknown): ParsePortalSettingsResult {
  const parsed = portalSettingsSchema.safeParse(input === undefined ? {} : input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, ...settingsIssues(parsed.error.issues) };
}

/**
 * Saved settings without the keys this version does not have (a record written by another
 * version still loads); the rest is left for {@link parsePortalSettings} to judge.
 *
 * @param input A stored record, parsed from JSON.
 * @returns A copy without the unknown keys, or `input` itself when it has none.
 * @throws Never.
 * @example
 * ```ts
 * parsePortalSettings(dropUnknownSettings(JSON.parse(await storage.getSettings(portalId))));
 * ```
 */
export function dropUnknownSettings(input: unknown): unknown {
  const parsed = portalSettingsSchema.safeParse(input);
  return parsed.success ? input : withoutUnknownKeys(input, parsed.error.issues);
}

/** The engine options a portal's settings decide; the server adds store, secrets and channels. */
export type PortalOtpOptions = Required<
  Pick<OtpOptions, "code" | "ttlMs" | "allowLongTtl" | "maxAttempts" | "lockout" | "storage">
>;

/**
 * The subset of otp-core's `OtpOptions` that a portal's settings decide. Lockout settings the
 * page does not offer (window, maximum duration, consecutive cap) keep otp-core's defaults.
 *
 * @param settings Validated settings ({@link parsePortalSettings}).
 * @returns A fresh object to spread into `createOtp({ ...otpOptionsFor(settings), store, ... })`.
 * @throws Never; `createOtp` checks the values again.
 * @example
 * ```ts
 * otpOptionsFor(DEFAULT_PORTAL_SETTINGS);
 * // { code: { alphabet: "numeric", length: 6, allowWeak: false }, ttlMs: 600000, allowLongTtl: false,
 * //   maxAttempts: 3, lockout: { maxFailures: 5, durationMs: 900000 }, storage: "hash" }
 * ```
 */
export function otpOptionsFor(settings: DeepReadonly<PortalSettings>): PortalOtpOptions {
  return {
    code: {
      alphabet: settings.code.type,
      length: settings.code.length,
      allowWeak: settings.code.allowWeak,
    },
    ttlMs: settings.expiryMinutes * MINUTE,
    allowLongTtl: settings.allowLongExpiry,
    maxAttempts: settings.maxAttempts,
    lockout: {
      maxFailures: settings.lockout.maxFailures,
      durationMs: settings.lockout.durationMinutes * MINUTE,
    },
    storage: settings.storage,
  };
}
