import type { AlphabetName, OtpOptions } from "@otpkit/otp-core";
import { ALPHABETS, createCodePolicy, MIN_BITS, OTP_DEFAULTS, OTP_LIMITS } from "@otpkit/otp-core";
import type { CountryCode } from "libphonenumber-js/max";
import { isSupportedCountry } from "libphonenumber-js/max";
import * as z from "zod";
import { codePropertyProblem, OTPKIT_CODE_PROPERTY_NAME } from "./crm-properties.js";
import { emailTemplateFields, emailTranslations } from "./email-texts.js";

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

/** A default that must be one of the offered choices: checked once, at import. */
function among<T extends number>(choices: readonly T[], value: number, what: string): T {
  if (!(choices as readonly number[]).includes(value)) {
    throw new Error(`otp-core's default ${what} (${value}) is not among the choices ${choices}`);
  }
  return value as T;
}

// Numbers from a page arrive as numbers, but a select may hand over "6": accept plain digits.
const digits = (value: unknown) =>
  typeof value === "string" && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : value;

const choice = <T extends number>(choices: readonly T[], error: string) =>
  z.preprocess(digits, z.literal(choices, { error }));

const wholeNumber = ([min, max]: readonly [number, number], unit = "") => {
  const error = `Use a whole number from ${min} to ${max}${unit}.`;
  return z.preprocess(
    digits,
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );
};

const onOff = z.boolean({ error: "Choose on or off." });

const templateName = z
  .string({ error: "Enter the template name." })
  .regex(/^[a-z0-9_]{1,512}$/, {
    error: "Use the template name exactly as approved in WhatsApp Manager (a-z, 0-9 and _).",
  })
  .optional();

const country = z
  .string({ error: "Use a two-letter country code such as US, DE or GB." })
  .transform((value, ctx): CountryCode => {
    const code = value.trim().toUpperCase();
    if (isSupportedCountry(code)) return code;
    ctx.addIssue("Use a two-letter country code such as US, DE or GB.");
    return z.NEVER;
  });

/**
 * A group of fields, each with a default, so a missing group takes every default inside it.
 * (The cast: TypeScript cannot see through the generic that `{}` is a valid input.)
 */
const section = <S extends z.ZodRawShape>(shape: S, error: string) =>
  z.object(shape, { error }).prefault({} as z.input<z.ZodObject<S>>);

const MINUTES_RANGE = (range: readonly [number, number]) =>
  [Math.ceil(range[0] / MINUTE), Math.floor(range[1] / MINUTE)] as const;

const kinds = {
  code: templateName,
  retry: templateName,
  lockout: templateName,
  unlock: templateName,
};

/** The settings schema (zod 4). Missing fields take their defaults; unknown fields are dropped. */
export const portalSettingsSchema = z
  .object(
    {
      code: section(
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
        {
          enabled: onOff.default(false),
          template: section(emailTemplateFields, "Fill in the e-mail texts."),
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
        {
          enabled: onOff.default(false),
          /** Template names per message kind; absent: the WhatsApp channel's defaults (tmpl_otp_*). */
          templates: section(kinds, "Enter the WhatsApp template names."),
        },
        "Set up WhatsApp delivery.",
      ),
      propertyStorage: section(
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
    { error: "Send the settings as an object." },
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
    };

/**
 * Validates settings from the settings page (or the store) and fills in the defaults. Messages
 * are written for the admin who will read them next to the field; the first problem of each
 * field is reported. The cross-field rules (a weak code, an expiry over 10 minutes) show up
 * once the fields they read are valid themselves.
 *
 * @param input The JSON the page sent, or a stored record; `undefined` gives the defaults.
 * @returns `{ ok: true, settings }` or `{ ok: false, fieldErrors }`.
 * @throws Never: every problem is a field error.
 * @example
 * ```ts
 * const r = parsePortalSettings({ expiryMinutes: 30 });
 * // { ok: false, fieldErrors: { expiryMinutes: "Codes sent by e-mail or message should expire within 10 minutes …" } }
 * parsePortalSettings({ expiryMinutes: 30, allowLongExpiry: true }); // { ok: true, settings: { … } }
 * ```
 */
export function parsePortalSettings(input: unknown): ParsePortalSettingsResult {
  const parsed = portalSettingsSchema.safeParse(input === undefined ? {} : input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".");
    fieldErrors[path] ??= issue.message;
  }
  return { ok: false, fieldErrors };
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
