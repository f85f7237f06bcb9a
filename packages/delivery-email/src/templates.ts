import type { OtpMessageKind } from "@otpkit/otp-core";
import { matchLanguage, OTP_LANGUAGE_TAGS } from "@otpkit/otp-core";
import { hasControlCharacters } from "./address.js";
import { EMAIL_LOCALES } from "./locales/index.js";
import { configError } from "./smtp-errors.js";

/**
 * The four parts of one e-mail, as plain text with `{{placeholder}}`s.
 *
 * Templates are plain text, never HTML: the HTML part is built from them with every character
 * escaped, so neither a template nor a value can inject markup. In `body` and `footer`, a blank
 * line starts a new paragraph and a single newline is a line break. `subject` and `greeting`
 * are one line each.
 */
export interface EmailTemplate {
  /** Subject line. The built-in ones carry no code (see the README for why). */
  subject: string;
  /** First line, e.g. `"Hi {{name}},"`; `""` for none. */
  greeting: string;
  /** The message itself. For `code` and `retry` it must contain `{{code}}`. */
  body: string;
  /** Closing text in a smaller font (sender, support contact); `""` for none. */
  footer: string;
}

/** A template for each message kind. */
export type EmailTemplateSet = Readonly<Record<OtpMessageKind, EmailTemplate>>;

/**
 * Template overrides: BCP 47 language tag → message kind → the parts to replace.
 *
 * For a locale with built-in templates (the 58 languages of `OTP_LANGUAGES`, and their regions:
 * `pt-BR` builds on `pt`) any subset of parts can be given; the rest stays built-in. For any
 * other locale a kind needs at least `subject` and `body` (greeting and footer default to
 * empty); kinds left out fall back along the locale chain (`es-MX` → `es` → `defaultLocale` →
 * `en`).
 *
 * @example
 * ```ts
 * const templates: EmailTemplateOverrides = {
 *   en: { code: { subject: "Your Acme sign-in code" } },
 *   fr: { code: { subject: "Votre code {{productName}}", body: "Votre code :\n\n{{code}}" } },
 * };
 * ```
 */
export type EmailTemplateOverrides = Readonly<
  Record<string, Partial<Record<OtpMessageKind, Partial<EmailTemplate>>>>
>;

/** Every placeholder a template may use. */
export const EMAIL_PLACEHOLDERS = [
  "code",
  "expiryMinutes",
  "expiryDuration",
  "expiryTime",
  "lockedUntil",
  "name",
  "productName",
  "supportContact",
] as const;

/** The name of a placeholder, without braces. */
export type EmailPlaceholder = (typeof EMAIL_PLACEHOLDERS)[number];

const COMMON: readonly EmailPlaceholder[] = ["name", "productName", "supportContact"];
const WITH_CODE: readonly EmailPlaceholder[] = [
  ...COMMON,
  "code",
  "expiryMinutes",
  "expiryDuration",
  "expiryTime",
];

/** Which placeholders each kind may use: a lockout or unlock message has no code to show. */
export const PLACEHOLDERS_BY_KIND: Readonly<Record<OtpMessageKind, readonly EmailPlaceholder[]>> = {
  code: WITH_CODE,
  retry: WITH_CODE,
  lockout: [...COMMON, "lockedUntil"],
  unlock: COMMON,
};

/** The message kinds, in a stable order. */
export const MESSAGE_KINDS: readonly OtpMessageKind[] = ["code", "retry", "lockout", "unlock"];

const TEMPLATE_PARTS: readonly (keyof EmailTemplate)[] = ["subject", "greeting", "body", "footer"];

const PART_MAX_LENGTH: Readonly<Record<keyof EmailTemplate, number>> = {
  subject: 200,
  greeting: 200,
  body: 4000,
  footer: 1000,
};

/** Built-in English templates. */
export const EN_TEMPLATES: EmailTemplateSet = EMAIL_LOCALES.en;

/** Built-in Spanish templates (neutral Spanish, tuteo). */
export const ES_TEMPLATES: EmailTemplateSet = EMAIL_LOCALES.es;

/**
 * The built-in templates by language: every language of otp-core's `OTP_LANGUAGES` (58, keyed
 * by BCP 47 tag: `en`, `pt`, `zh-Hant`), each in `src/locales/<tag>.ts`.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<string, EmailTemplateSet>> = EMAIL_LOCALES;

/** @internal A validated template registry: lower-case locale → kind → template. */
export type TemplateRegistry = ReadonlyMap<string, Partial<Record<OtpMessageKind, EmailTemplate>>>;

const LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** @internal True for a syntactically plausible BCP 47 tag (`en`, `es-MX`, `zh-Hant-TW`). */
export function isLocaleTag(value: unknown): value is string {
  return typeof value === "string" && value.length <= 35 && LOCALE_TAG.test(value);
}

const PLACEHOLDER = /\{\{([A-Za-z]+)\}\}/g;

/**
 * @internal Merges overrides over the built-ins and validates every template once, at
 * construction, so a typo fails at startup and not at 3 a.m. on the first lockout.
 * @throws {OtpError} `CONFIG_INVALID` naming `templates.<locale>.<kind>.<part>`.
 */
export function buildTemplateRegistry(overrides: unknown): TemplateRegistry {
  const registry = new Map<string, Partial<Record<OtpMessageKind, EmailTemplate>>>();
  for (const [locale, set] of Object.entries(EMAIL_LOCALES)) {
    registry.set(locale.toLowerCase(), { ...set });
  }
  if (overrides === undefined) return registry;
  if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides)) {
    throw configError("templates", "an object keyed by locale", overrides);
  }
  for (const [rawLocale, kinds] of Object.entries(overrides as Record<string, unknown>)) {
    if (!isLocaleTag(rawLocale)) {
      throw configError(
        `templates.${rawLocale}`,
        "a BCP 47 language tag as key (en, es-MX)",
        rawLocale,
      );
    }
    const locale = rawLocale.toLowerCase();
    if (typeof kinds !== "object" || kinds === null || Array.isArray(kinds)) {
      throw configError(`templates.${rawLocale}`, "an object keyed by message kind", kinds);
    }
    // An override for a region builds on its language's built-ins (`pt-BR` on `pt`).
    const builtInTag = matchLanguage(rawLocale, OTP_LANGUAGE_TAGS);
    const builtIn = builtInTag === undefined ? undefined : EMAIL_LOCALES[builtInTag];
    const merged = { ...(registry.get(locale) ?? {}) };
    for (const [kind, parts] of Object.entries(kinds as Record<string, unknown>)) {
      const field = `templates.${rawLocale}.${kind}`;
      if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
        throw configError(field, `a message kind (${MESSAGE_KINDS.join(", ")})`, kind);
      }
      if (typeof parts !== "object" || parts === null || Array.isArray(parts)) {
        throw configError(field, "an object with subject, greeting, body, footer", parts);
      }
      const k = kind as OtpMessageKind;
      const given = parts as Partial<Record<string, unknown>>;
      for (const key of Object.keys(given)) {
        if (!(TEMPLATE_PARTS as readonly string[]).includes(key)) {
          throw configError(`${field}.${key}`, "one of subject, greeting, body, footer", key);
        }
      }
      const base: Partial<EmailTemplate> = builtIn?.[k] ?? {};
      if (builtIn === undefined) {
        for (const required of ["subject", "body"] as const) {
          if (given[required] === undefined) {
            throw configError(
              `${field}.${required}`,
              "a string",
              undefined,
              `"${rawLocale}" has no built-in templates, so each kind you add needs at least subject and body`,
            );
          }
        }
      }
      const template: EmailTemplate = {
        subject: String(given["subject"] ?? base.subject ?? ""),
        greeting: String(given["greeting"] ?? base.greeting ?? ""),
        body: String(given["body"] ?? base.body ?? ""),
        footer: String(given["footer"] ?? base.footer ?? ""),
      };
      for (const part of TEMPLATE_PARTS) {
        const value = given[part];
        if (value !== undefined && typeof value !== "string") {
          throw configError(`${field}.${part}`, "a string", value);
        }
        validatePart(`${field}.${part}`, k, part, template[part]);
      }
      merged[k] = template;
    }
    registry.set(locale, merged);
  }
  return registry;
}

function validatePart(
  field: string,
  kind: OtpMessageKind,
  part: keyof EmailTemplate,
  value: string,
) {
  if (value.length > PART_MAX_LENGTH[part]) {
    throw configError(
      field,
      `at most ${PART_MAX_LENGTH[part]} characters`,
      `${value.length} characters`,
    );
  }
  const multiLine = part === "body" || part === "footer";
  // Why: a subject or greeting with a line break is the classic header-injection payload, and
  // no template needs one; CR is refused everywhere (use "\n"), as are other control characters.
  const withoutNewlines = multiLine ? value.replaceAll("\n", "") : value;
  if (hasControlCharacters(withoutNewlines)) {
    throw configError(
      field,
      multiLine ? "text without control characters other than \\n" : "a single line of text",
      value,
      "remove line breaks and control characters",
    );
  }
  if ((part === "subject" || part === "body") && value.trim() === "") {
    throw configError(field, "non-empty text", value);
  }
  const allowed = PLACEHOLDERS_BY_KIND[kind];
  for (const match of value.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    if (!(EMAIL_PLACEHOLDERS as readonly string[]).includes(name)) {
      throw configError(field, `placeholders from ${EMAIL_PLACEHOLDERS.join(", ")}`, `{{${name}}}`);
    }
    if (!allowed.includes(name as EmailPlaceholder)) {
      throw configError(
        field,
        `placeholders valid for "${kind}" messages (${allowed.join(", ")})`,
        `{{${name}}}`,
        kind === "lockout" || kind === "unlock" ? `"${kind}" messages carry no code` : undefined,
      );
    }
  }
  // Stray braces are almost always a typo ("{{ code }}", "{code}") that would otherwise go out
  // to every recipient verbatim.
  if (/\{\{|\}\}/.test(value.replace(PLACEHOLDER, ""))) {
    throw configError(field, "placeholders written as {{name}} (no spaces)", value);
  }
  if (part === "body" && (kind === "code" || kind === "retry") && !value.includes("{{code}}")) {
    throw configError(
      field,
      "a body containing {{code}}",
      value,
      `a "${kind}" e-mail must show the code`,
    );
  }
}
