// Meta's template language codes for otpkit's built-in languages, and the code a recipient's
// locale asks for. Meta's list: developers.facebook.com/documentation/business-messaging/whatsapp/
// templates/supported-languages (updated 2026-05-21). Meta writes `en_US`, not `en-US`.
import type { OtpLanguageTag } from "@otpkit/otp-core";
import { matchLanguage, OTP_LANGUAGE_TAGS } from "@otpkit/otp-core";

/**
 * Meta's template language code for each built-in language (otp-core's `OTP_LANGUAGES`): the
 * code to create the templates in. Where Meta has only regional codes the usual one is chosen:
 * English `en_US`, Portuguese `pt_BR`, Simplified Chinese `zh_CN`, Traditional `zh_TW`; Spanish
 * is Meta's neutral `es`.
 *
 * @example
 * ```ts
 * WHATSAPP_LANGUAGE_CODES["zh-Hant"]; // "zh_TW"
 * WHATSAPP_LANGUAGE_CODES.de; // "de"
 * ```
 */
export const WHATSAPP_LANGUAGE_CODES: Readonly<Record<OtpLanguageTag, string>> = Object.freeze({
  af: "af",
  ar: "ar",
  az: "az",
  bg: "bg",
  bn: "bn",
  ca: "ca",
  cs: "cs",
  da: "da",
  de: "de",
  el: "el",
  en: "en_US",
  es: "es",
  et: "et",
  fa: "fa",
  fi: "fi",
  fil: "fil",
  fr: "fr",
  gu: "gu",
  he: "he",
  hi: "hi",
  hr: "hr",
  hu: "hu",
  id: "id",
  it: "it",
  ja: "ja",
  ka: "ka",
  kk: "kk",
  kn: "kn",
  ko: "ko",
  lt: "lt",
  lv: "lv",
  mk: "mk",
  ml: "ml",
  mr: "mr",
  ms: "ms",
  nb: "nb",
  nl: "nl",
  pa: "pa",
  pl: "pl",
  pt: "pt_BR",
  ro: "ro",
  ru: "ru",
  sk: "sk",
  sl: "sl",
  sq: "sq",
  sr: "sr",
  sv: "sv",
  sw: "sw",
  ta: "ta",
  te: "te",
  th: "th",
  tr: "tr",
  uk: "uk",
  ur: "ur",
  uz: "uz",
  vi: "vi",
  zh: "zh_CN",
  "zh-Hant": "zh_TW",
});

/**
 * Every code of {@link WHATSAPP_LANGUAGE_CODES}, for the channel's `languages` once the templates
 * are approved in all of them (and for `upsert_message_templates`' `languages`).
 *
 * @example
 * ```ts
 * createWhatsAppChannel({ ...options, languages: WHATSAPP_TEMPLATE_LANGUAGES });
 * ```
 */
export const WHATSAPP_TEMPLATE_LANGUAGES: readonly string[] = Object.freeze(
  OTP_LANGUAGE_TAGS.map((tag) => WHATSAPP_LANGUAGE_CODES[tag]),
);

// Meta's regional codes for the built-in languages: a locale of one of these regions asks for it.
const REGIONAL = new Set(
  [
    "ar_AE ar_EG ar_LB ar_MA ar_QA bn_IN de_AT de_CH",
    "en_AE en_AU en_CA en_GB en_GH en_IE en_IN en_JM en_MY en_NZ en_QA en_SG en_UG en_US en_ZA",
    "es_AR es_ES es_MX fr_BE fr_CA fr_CH fr_CI fr_MA nl_BE pt_BR pt_PT zh_CN zh_HK zh_TW",
  ].flatMap((line) => line.split(" ")),
);
// Macao writes Traditional Chinese as Hong Kong does.
const REGION_ALIASES: Readonly<Record<string, string>> = { zh_MO: "zh_HK" };
const TRADITIONAL_CHINESE = new Set(["zh_TW", "zh_HK"]);

/** The region subtag of a locale (`es-419` → `419`, `zh-Hant-TW` → `TW`), upper case. */
function regionOf(locale: string): string | undefined {
  return locale
    .trim()
    .split(/[-_]/)
    .slice(1)
    .find((p) => /^([A-Za-z]{2}|\d{3})$/.test(p))
    ?.toUpperCase();
}

/**
 * The Meta template language code a recipient's locale asks for: Meta's regional code when it
 * has one for the locale's region (`es-MX` → `es_MX`, `en-GB` → `en_GB`, `zh-HK` → `zh_HK`,
 * `pt-PT` → `pt_PT`), else its language's code from {@link WHATSAPP_LANGUAGE_CODES}
 * (`es-CO` → `es`, `pt` → `pt_BR`, `zh-TW` → `zh_TW`, `no` → `nb`, `iw` → `he`), found with
 * otp-core's `matchLanguage`.
 *
 * @param locale A BCP 47 tag (`_` accepted).
 * @returns The Meta code, or `undefined` for a locale none of the built-in languages serves.
 * @throws Never.
 * @example
 * ```ts
 * whatsappLanguageCode("pt-BR"); // "pt_BR"
 * whatsappLanguageCode("zh-Hant"); // "zh_TW"
 * whatsappLanguageCode("kl"); // undefined
 * ```
 */
export function whatsappLanguageCode(locale: unknown): string | undefined {
  const tag = matchLanguage(locale);
  if (tag === undefined || typeof locale !== "string") return undefined;
  const code = WHATSAPP_LANGUAGE_CODES[tag];
  const region = regionOf(locale);
  if (region !== undefined) {
    const regional = `${code.split("_")[0]}_${region}`;
    const known = REGION_ALIASES[regional] ?? regional;
    // A region's code only in the script the locale asked for (`zh-Hans-HK` stays Simplified).
    const sameScript =
      !code.startsWith("zh_") || TRADITIONAL_CHINESE.has(known) === (tag === "zh-Hant");
    if (REGIONAL.has(known) && sameScript) return known;
  }
  return code;
}
