import type { OtpMessageKind } from "@otpkit/otp-core";
import { configError } from "./errors.js";
import { whatsappLanguageCode } from "./languages.js";

/**
 * One approved WhatsApp message template. Create it in WhatsApp Manager (or with
 * `POST /{WABA_ID}/message_templates`) before sending; see the README for the categories.
 */
export interface WhatsAppTemplate {
  /** The template's name as approved by Meta (`a-z`, `0-9`, `_`). */
  name: string;
  /**
   * Meta language codes this template is approved in (`"en_US"`, `"es"`, `"es_MX"`, `"pt_BR"`);
   * the message locale picks among them.
   * @default the channel's `languages`
   */
  languages?: readonly string[];
  /**
   * Language used when the message locale matches none of `languages`.
   * @default the channel's `defaultLanguage` ("en_US")
   */
  language?: string;
}

/** Per-kind template overrides: only `name`, or also the languages of that one template. */
export type WhatsAppTemplateOverrides = Partial<
  Record<OtpMessageKind, Partial<WhatsAppTemplate> | string>
>;

/** @internal A template with its languages resolved. */
export interface ResolvedTemplate {
  name: string;
  languages: readonly string[];
  language: string;
}

/**
 * The template names used when you configure none. `code` and `retry` must be AUTHENTICATION
 * templates with a copy-code button; `lockout` and `unlock` are UTILITY templates without
 * parameters (an authentication template must contain a code, and these carry none).
 */
export const DEFAULT_WHATSAPP_TEMPLATES: Readonly<Record<OtpMessageKind, string>> = Object.freeze({
  code: "tmpl_otp_code",
  retry: "tmpl_otp_retry",
  lockout: "tmpl_otp_locked",
  unlock: "tmpl_otp_unlocked",
});

/**
 * Which category each message kind's template must be created in, for the README and set-up
 * scripts. Meta fixes the body of AUTHENTICATION templates (`*{{1}}* is your verification code.`)
 * and requires the code in it, so the notices without a code cannot be authentication templates.
 */
export const WHATSAPP_TEMPLATE_CATEGORIES: Readonly<
  Record<OtpMessageKind, "AUTHENTICATION" | "UTILITY">
> = Object.freeze({
  code: "AUTHENTICATION",
  retry: "AUTHENTICATION",
  lockout: "UTILITY",
  unlock: "UTILITY",
});

const KINDS = ["code", "retry", "lockout", "unlock"] as const;
// Meta's template names: lower-case letters, digits and underscores, up to 512 characters.
const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
// Meta's language codes: "en", "en_US", "zh_CN", "es_419" (no hyphens: Meta uses underscores).
const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$/;

/** @internal Validates the template options into one resolved template per kind. */
export function resolveTemplates(
  overrides: WhatsAppTemplateOverrides | undefined,
  languagesOption: readonly string[] | undefined,
  defaultLanguageOption: string | undefined,
): Record<OtpMessageKind, ResolvedTemplate> {
  const defaultLanguage = languageCode("defaultLanguage", defaultLanguageOption ?? "en_US");
  const languages = languageList("languages", languagesOption ?? [defaultLanguage]);
  if (overrides !== undefined && (typeof overrides !== "object" || overrides === null)) {
    throw configError("templates", "an object keyed by message kind", overrides);
  }
  for (const key of Object.keys(overrides ?? {})) {
    if (!(KINDS as readonly string[]).includes(key)) {
      throw configError(`templates.${key}`, `one of ${KINDS.join(", ")}`, key);
    }
  }
  const out = {} as Record<OtpMessageKind, ResolvedTemplate>;
  for (const kind of KINDS) {
    const given = overrides?.[kind];
    const entry: Partial<WhatsAppTemplate> =
      given === undefined ? {} : typeof given === "string" ? { name: given } : given;
    if (typeof entry !== "object" || entry === null) {
      throw configError(
        `templates.${kind}`,
        "a template name or { name, languages, language }",
        given,
      );
    }
    const name = entry.name ?? DEFAULT_WHATSAPP_TEMPLATES[kind];
    if (typeof name !== "string" || !TEMPLATE_NAME.test(name)) {
      throw configError(`templates.${kind}.name`, "a Meta template name (a-z, 0-9, _)", name);
    }
    const own =
      entry.languages === undefined
        ? languages
        : languageList(`templates.${kind}.languages`, entry.languages);
    const language =
      entry.language === undefined
        ? defaultLanguage
        : languageCode(`templates.${kind}.language`, entry.language);
    out[kind] = { name, languages: own, language };
  }
  return out;
}

function languageCode(field: string, value: unknown): string {
  if (typeof value !== "string" || !LANGUAGE_CODE.test(value)) {
    throw configError(field, 'a Meta language code ("en_US", "es", "pt_BR")', value);
  }
  return value;
}

function languageList(field: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw configError(field, 'a non-empty array of Meta language codes (["en_US", "es"])', value);
  }
  return Object.freeze(value.map((v, i) => languageCode(`${field}[${i}]`, v)));
}

// Meta's Traditional Chinese codes (Taiwan, Hong Kong); zh_CN is Simplified.
const TRADITIONAL_CHINESE = new Set(["zh_tw", "zh_hk"]);

/**
 * Picks the template language for a BCP 47 locale among the languages a template is approved
 * in: the exact region (`"es-MX"` → `"es_MX"`), then the code the locale asks for
 * ({@link whatsappLanguageCode}: `"pt"` → `"pt_BR"`, `"zh-HK"` → `"zh_HK"`, `"no"` → `"nb"`,
 * `"iw"` → `"he"`), then the bare language (`"es"`), then for Chinese another region in the same
 * script (`"zh-HK"` → `"zh_TW"`, never Simplified while a Traditional one is approved), then any
 * region of the language (`"es_ES"`), then `fallback`.
 *
 * @param locale The message locale (`"es-MX"`, `"pt-BR"`, `"en"`).
 * @param languages The approved Meta language codes.
 * @param fallback Returned when nothing matches.
 * @returns One of `languages`, or `fallback`.
 * @throws Never.
 * @example
 * ```ts
 * resolveWhatsAppLanguage("es-MX", ["en_US", "es_MX", "es"], "en_US"); // "es_MX"
 * resolveWhatsAppLanguage("es-CO", ["en_US", "es"], "en_US"); // "es"
 * resolveWhatsAppLanguage("zh-HK", ["zh_CN", "zh_TW"], "en_US"); // "zh_TW"
 * resolveWhatsAppLanguage("kl", ["en_US", "es"], "en_US"); // "en_US"
 * ```
 */
export function resolveWhatsAppLanguage(
  locale: string,
  languages: readonly string[],
  fallback: string,
): string {
  if (typeof locale !== "string") return fallback;
  // BCP 47: language, optional script (4 letters), optional region (2 letters or 3 digits).
  const parts = locale.trim().split(/[-_]/);
  const lang = (parts[0] ?? "").toLowerCase();
  if (!/^[a-z]{2,3}$/.test(lang)) return fallback;
  const region = parts
    .slice(1)
    .find((p) => /^([A-Za-z]{2}|\d{3})$/.test(p))
    ?.toUpperCase();
  const find = (code: string) => languages.find((l) => l.toLowerCase() === code.toLowerCase());
  const anyRegionOf = (language: string) =>
    languages.find((l) => l.toLowerCase().startsWith(`${language}_`));
  // What a built-in language's locale asks for, and its language as Meta writes it (`nb`, `he`).
  const wanted = whatsappLanguageCode(locale);
  const base = wanted?.split("_")[0] ?? lang;
  const traditional = wanted !== undefined && TRADITIONAL_CHINESE.has(wanted.toLowerCase());
  return (
    (region && find(`${lang}_${region}`)) ||
    (wanted && find(wanted)) ||
    find(lang) ||
    find(base) ||
    (base === "zh" &&
      languages.find((l) => TRADITIONAL_CHINESE.has(l.toLowerCase()) === traditional)) ||
    anyRegionOf(base) ||
    anyRegionOf(lang) ||
    fallback
  );
}
