// The languages otpkit writes its built-in texts in (e-mails, conversation replies, the hosted
// page) and how a recipient's locale finds one of them. One list for every package, so a
// language is added once and each surface's catalog (typed by OtpLanguageTag) fails to compile
// until it has the new language too.

/** One built-in language. */
export interface OtpLanguage {
  /** BCP 47 tag, as the catalogs are keyed (`"pt"`, `"zh-Hant"`). */
  readonly tag: string;
  /** English name. */
  readonly name: string;
  /** The language's name for itself, for a language picker. */
  readonly nativeName: string;
  /** Writing direction. */
  readonly dir: "ltr" | "rtl";
}

/** The tag of a built-in language (`"en"`, `"pt"`, `"zh-Hant"`). */
export type OtpLanguageTag =
  | "af"
  | "ar"
  | "az"
  | "bg"
  | "bn"
  | "ca"
  | "cs"
  | "da"
  | "de"
  | "el"
  | "en"
  | "es"
  | "et"
  | "fa"
  | "fi"
  | "fil"
  | "fr"
  | "gu"
  | "he"
  | "hi"
  | "hr"
  | "hu"
  | "id"
  | "it"
  | "ja"
  | "ka"
  | "kk"
  | "kn"
  | "ko"
  | "lt"
  | "lv"
  | "mk"
  | "ml"
  | "mr"
  | "ms"
  | "nb"
  | "nl"
  | "pa"
  | "pl"
  | "pt"
  | "ro"
  | "ru"
  | "sk"
  | "sl"
  | "sq"
  | "sr"
  | "sv"
  | "sw"
  | "ta"
  | "te"
  | "th"
  | "tr"
  | "uk"
  | "ur"
  | "uz"
  | "vi"
  | "zh"
  | "zh-Hant";

// Keyed by tag, so a language added to OtpLanguageTag and missing here (or the reverse) does
// not compile.
const LANGUAGES: Readonly<Record<OtpLanguageTag, Omit<OtpLanguage, "tag">>> = {
  af: { name: "Afrikaans", nativeName: "Afrikaans", dir: "ltr" },
  ar: { name: "Arabic", nativeName: "العربية", dir: "rtl" },
  az: { name: "Azerbaijani", nativeName: "Azərbaycan dili", dir: "ltr" },
  bg: { name: "Bulgarian", nativeName: "Български", dir: "ltr" },
  bn: { name: "Bengali", nativeName: "বাংলা", dir: "ltr" },
  ca: { name: "Catalan", nativeName: "Català", dir: "ltr" },
  cs: { name: "Czech", nativeName: "Čeština", dir: "ltr" },
  da: { name: "Danish", nativeName: "Dansk", dir: "ltr" },
  de: { name: "German", nativeName: "Deutsch", dir: "ltr" },
  el: { name: "Greek", nativeName: "Ελληνικά", dir: "ltr" },
  en: { name: "English", nativeName: "English", dir: "ltr" },
  es: { name: "Spanish", nativeName: "Español", dir: "ltr" },
  et: { name: "Estonian", nativeName: "Eesti", dir: "ltr" },
  fa: { name: "Persian", nativeName: "فارسی", dir: "rtl" },
  fi: { name: "Finnish", nativeName: "Suomi", dir: "ltr" },
  fil: { name: "Filipino", nativeName: "Filipino", dir: "ltr" },
  fr: { name: "French", nativeName: "Français", dir: "ltr" },
  gu: { name: "Gujarati", nativeName: "ગુજરાતી", dir: "ltr" },
  he: { name: "Hebrew", nativeName: "עברית", dir: "rtl" },
  hi: { name: "Hindi", nativeName: "हिन्दी", dir: "ltr" },
  hr: { name: "Croatian", nativeName: "Hrvatski", dir: "ltr" },
  hu: { name: "Hungarian", nativeName: "Magyar", dir: "ltr" },
  id: { name: "Indonesian", nativeName: "Bahasa Indonesia", dir: "ltr" },
  it: { name: "Italian", nativeName: "Italiano", dir: "ltr" },
  ja: { name: "Japanese", nativeName: "日本語", dir: "ltr" },
  ka: { name: "Georgian", nativeName: "ქართული", dir: "ltr" },
  kk: { name: "Kazakh", nativeName: "Қазақ тілі", dir: "ltr" },
  kn: { name: "Kannada", nativeName: "ಕನ್ನಡ", dir: "ltr" },
  ko: { name: "Korean", nativeName: "한국어", dir: "ltr" },
  lt: { name: "Lithuanian", nativeName: "Lietuvių", dir: "ltr" },
  lv: { name: "Latvian", nativeName: "Latviešu", dir: "ltr" },
  mk: { name: "Macedonian", nativeName: "Македонски", dir: "ltr" },
  ml: { name: "Malayalam", nativeName: "മലയാളം", dir: "ltr" },
  mr: { name: "Marathi", nativeName: "मराठी", dir: "ltr" },
  ms: { name: "Malay", nativeName: "Bahasa Melayu", dir: "ltr" },
  nb: { name: "Norwegian Bokmål", nativeName: "Norsk bokmål", dir: "ltr" },
  nl: { name: "Dutch", nativeName: "Nederlands", dir: "ltr" },
  pa: { name: "Punjabi", nativeName: "ਪੰਜਾਬੀ", dir: "ltr" },
  pl: { name: "Polish", nativeName: "Polski", dir: "ltr" },
  pt: { name: "Portuguese", nativeName: "Português", dir: "ltr" },
  ro: { name: "Romanian", nativeName: "Română", dir: "ltr" },
  ru: { name: "Russian", nativeName: "Русский", dir: "ltr" },
  sk: { name: "Slovak", nativeName: "Slovenčina", dir: "ltr" },
  sl: { name: "Slovenian", nativeName: "Slovenščina", dir: "ltr" },
  sq: { name: "Albanian", nativeName: "Shqip", dir: "ltr" },
  sr: { name: "Serbian", nativeName: "Српски", dir: "ltr" },
  sv: { name: "Swedish", nativeName: "Svenska", dir: "ltr" },
  sw: { name: "Swahili", nativeName: "Kiswahili", dir: "ltr" },
  ta: { name: "Tamil", nativeName: "தமிழ்", dir: "ltr" },
  te: { name: "Telugu", nativeName: "తెలుగు", dir: "ltr" },
  th: { name: "Thai", nativeName: "ไทย", dir: "ltr" },
  tr: { name: "Turkish", nativeName: "Türkçe", dir: "ltr" },
  uk: { name: "Ukrainian", nativeName: "Українська", dir: "ltr" },
  ur: { name: "Urdu", nativeName: "اردو", dir: "rtl" },
  uz: { name: "Uzbek", nativeName: "Oʻzbekcha", dir: "ltr" },
  vi: { name: "Vietnamese", nativeName: "Tiếng Việt", dir: "ltr" },
  zh: { name: "Chinese (Simplified)", nativeName: "简体中文", dir: "ltr" },
  "zh-Hant": { name: "Chinese (Traditional)", nativeName: "繁體中文", dir: "ltr" },
};

/**
 * The built-in languages: the 58 most used (by speakers and in HubSpot's `hs_language`), each
 * also a WhatsApp template language. `pt` is Brazilian Portuguese, `zh` Simplified Chinese,
 * `zh-Hant` Traditional Chinese, `sr` Serbian in Cyrillic, `nb` Norwegian Bokmål.
 *
 * @example
 * ```ts
 * OTP_LANGUAGES.find((l) => l.tag === "ar"); // { tag: "ar", name: "Arabic", nativeName: "العربية", dir: "rtl" }
 * ```
 */
export const OTP_LANGUAGES: readonly (OtpLanguage & { tag: OtpLanguageTag })[] = Object.freeze(
  (Object.keys(LANGUAGES) as OtpLanguageTag[]).map((tag) =>
    Object.freeze({ tag, ...LANGUAGES[tag] }),
  ),
);

/**
 * Every built-in tag, in the order of {@link OTP_LANGUAGES}.
 *
 * @example
 * ```ts
 * OTP_LANGUAGE_TAGS.includes("de"); // true
 * ```
 */
export const OTP_LANGUAGE_TAGS: readonly OtpLanguageTag[] = Object.freeze(
  OTP_LANGUAGES.map((l) => l.tag),
);
