// The languages otpkit has built-in e-mails in: otp-core's OTP_LANGUAGES, written out here
// because the settings page is bundled for HubSpot's browser sandbox with nothing but react and
// @hubspot/ui-extensions (crm-card does not depend on otp-core). languages.test.ts holds this
// list equal to otp-core's, so a language added there fails the test until it is added here.

/** A language otpkit writes its e-mails in. */
export interface CardLanguage {
  /** BCP 47 tag, as `email.translations` is keyed (`de`, `pt`, `zh-Hant`). */
  readonly tag: string;
  /** English name. */
  readonly name: string;
  /** The language's name for itself. */
  readonly nativeName: string;
  /** Writing direction. */
  readonly dir: "ltr" | "rtl";
}

const row = (tag: string, name: string, nativeName: string, dir: "ltr" | "rtl" = "ltr") =>
  Object.freeze({ tag, name, nativeName, dir });

/**
 * Every built-in language (58), in otp-core's order. English is one of them; its e-mail on the
 * settings page is `email.template`, the others' texts are `email.translations`.
 *
 * @example
 * ```ts
 * OTP_EMAIL_LANGUAGES.find((l) => l.tag === "ar")?.dir; // "rtl"
 * ```
 */
export const OTP_EMAIL_LANGUAGES: readonly CardLanguage[] = Object.freeze([
  row("af", "Afrikaans", "Afrikaans"),
  row("ar", "Arabic", "العربية", "rtl"),
  row("az", "Azerbaijani", "Azərbaycan dili"),
  row("bg", "Bulgarian", "Български"),
  row("bn", "Bengali", "বাংলা"),
  row("ca", "Catalan", "Català"),
  row("cs", "Czech", "Čeština"),
  row("da", "Danish", "Dansk"),
  row("de", "German", "Deutsch"),
  row("el", "Greek", "Ελληνικά"),
  row("en", "English", "English"),
  row("es", "Spanish", "Español"),
  row("et", "Estonian", "Eesti"),
  row("fa", "Persian", "فارسی", "rtl"),
  row("fi", "Finnish", "Suomi"),
  row("fil", "Filipino", "Filipino"),
  row("fr", "French", "Français"),
  row("gu", "Gujarati", "ગુજરાતી"),
  row("he", "Hebrew", "עברית", "rtl"),
  row("hi", "Hindi", "हिन्दी"),
  row("hr", "Croatian", "Hrvatski"),
  row("hu", "Hungarian", "Magyar"),
  row("id", "Indonesian", "Bahasa Indonesia"),
  row("it", "Italian", "Italiano"),
  row("ja", "Japanese", "日本語"),
  row("ka", "Georgian", "ქართული"),
  row("kk", "Kazakh", "Қазақ тілі"),
  row("kn", "Kannada", "ಕನ್ನಡ"),
  row("ko", "Korean", "한국어"),
  row("lt", "Lithuanian", "Lietuvių"),
  row("lv", "Latvian", "Latviešu"),
  row("mk", "Macedonian", "Македонски"),
  row("ml", "Malayalam", "മലയാളം"),
  row("mr", "Marathi", "मराठी"),
  row("ms", "Malay", "Bahasa Melayu"),
  row("nb", "Norwegian Bokmål", "Norsk bokmål"),
  row("nl", "Dutch", "Nederlands"),
  row("pa", "Punjabi", "ਪੰਜਾਬੀ"),
  row("pl", "Polish", "Polski"),
  row("pt", "Portuguese", "Português"),
  row("ro", "Romanian", "Română"),
  row("ru", "Russian", "Русский"),
  row("sk", "Slovak", "Slovenčina"),
  row("sl", "Slovenian", "Slovenščina"),
  row("sq", "Albanian", "Shqip"),
  row("sr", "Serbian", "Српски"),
  row("sv", "Swedish", "Svenska"),
  row("sw", "Swahili", "Kiswahili"),
  row("ta", "Tamil", "தமிழ்"),
  row("te", "Telugu", "తెలుగు"),
  row("th", "Thai", "ไทย"),
  row("tr", "Turkish", "Türkçe"),
  row("uk", "Ukrainian", "Українська"),
  row("ur", "Urdu", "اردو", "rtl"),
  row("uz", "Uzbek", "Oʻzbekcha"),
  row("vi", "Vietnamese", "Tiếng Việt"),
  row("zh", "Chinese (Simplified)", "简体中文"),
  row("zh-Hant", "Chinese (Traditional)", "繁體中文"),
]);

/**
 * A built-in language by tag, without regard to case (`DE` finds German).
 *
 * @returns The language, or undefined for a tag otpkit has no e-mail in.
 * @throws Never.
 * @example
 * ```ts
 * languageOf("zh-hant")?.name; // "Chinese (Traditional)"
 * ```
 */
export function languageOf(tag: string): CardLanguage | undefined {
  return OTP_EMAIL_LANGUAGES[languageRank(tag)];
}

/**
 * How the page names a language: "German (Deutsch)"; the tag itself when otpkit has no e-mail in it.
 *
 * @throws Never.
 * @example
 * ```ts
 * languageName("ar"); // "Arabic (العربية)"
 * languageName("ga"); // "ga"
 * ```
 */
export function languageName(tag: string): string {
  const language = languageOf(tag);
  if (language === undefined) return tag;
  return language.name === language.nativeName
    ? language.name
    : `${language.name} (${language.nativeName})`;
}

/**
 * Where a language comes in the page's lists: its place in {@link OTP_EMAIL_LANGUAGES}; tags
 * otpkit has no e-mail in come after all of them.
 *
 * @throws Never.
 * @example
 * ```ts
 * languageRank("af"); // 0
 * languageRank("ga"); // 58
 * ```
 */
export function languageRank(tag: string): number {
  const key = tag.toLowerCase();
  const i = OTP_EMAIL_LANGUAGES.findIndex((l) => l.tag.toLowerCase() === key);
  return i === -1 ? OTP_EMAIL_LANGUAGES.length : i;
}
