// How a recipient's locale (`pt-BR`, `zh-TW`, `no`, `iw`) finds a built-in language, and which
// way it is written.
import type { OtpLanguageTag } from "./languages.js";
import { OTP_LANGUAGE_TAGS } from "./languages.js";

// Deprecated or macro-language codes a contact record may still carry, and what to read them as.
const ALIASES: Readonly<Record<string, string>> = {
  iw: "he",
  in: "id",
  ji: "yi",
  jw: "jv",
  mo: "ro",
  no: "nb",
  nn: "nb",
  tl: "fil",
};

// Regions that write Chinese in Traditional characters when the tag names no script.
const TRADITIONAL_CHINESE_REGIONS = new Set(["tw", "hk", "mo"]);

const RTL_LANGUAGES = new Set([
  "ar",
  "arc",
  "ckb",
  "dv",
  "fa",
  "he",
  "ks",
  "prs",
  "ps",
  "sd",
  "syr",
  "ug",
  "ur",
  "yi",
]);
const RTL_SCRIPTS = new Set([
  "adlm",
  "arab",
  "hebr",
  "mand",
  "nkoo",
  "rohg",
  "samr",
  "syrc",
  "thaa",
]);

/** The subtags up to the first singleton (`-u-…`, `-x-…` extensions are not a language). */
function subtagsOf(locale: unknown): string[] {
  if (typeof locale !== "string" || locale.length > 64) return [];
  const parts = locale.trim().toLowerCase().split(/[-_]/);
  const end = parts.findIndex((p, i) => i > 0 && p.length === 1);
  const kept = end === -1 ? parts : parts.slice(0, end);
  if (!/^[a-z]{2,3}$/.test(kept[0] ?? "")) return [];
  if (!kept.slice(1).every((p) => /^[a-z0-9]{2,8}$/.test(p))) return [];
  return kept;
}

function prefixes(subtags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = subtags.length; i >= 1; i--) out.push(subtags.slice(0, i).join("-"));
  return out;
}

/**
 * The tags to look for, most specific first and in lower case, for a recipient's locale:
 * the tag and its prefixes, with Traditional Chinese for Taiwan, Hong Kong and Macao
 * (`zh-TW` → `zh-tw`, `zh-hant`, `zh`) and deprecated codes read as today's (`no` → `nb`,
 * `iw` → `he`, `tl` → `fil`). Extensions (`-u-ca-…`) are ignored; a malformed tag gives `[]`.
 *
 * @param locale A BCP 47 tag (`"pt-BR"`), or `_`-separated (`"pt_BR"`, as HubSpot may store it).
 * @returns Candidate tags, lower-case, without duplicates; `[]` when `locale` is not a tag.
 * @throws Never.
 * @example
 * ```ts
 * languageCandidates("zh-TW"); // ["zh-tw", "zh-hant", "zh"]
 * languageCandidates("no-NO"); // ["no-no", "no", "nb-no", "nb"]
 * ```
 */
export function languageCandidates(locale: unknown): string[] {
  const subtags = subtagsOf(locale);
  if (subtags.length === 0) return [];
  const chains = [subtags];
  const alias = ALIASES[subtags[0] as string];
  if (alias !== undefined) chains.push([alias, ...subtags.slice(1)]);
  const out: string[] = [];
  for (const chain of chains) {
    const [language, second] = chain;
    const candidates = prefixes(chain);
    const hasScript = second !== undefined && /^[a-z]{4}$/.test(second);
    if (
      language === "zh" &&
      !hasScript &&
      chain.slice(1).some((p) => TRADITIONAL_CHINESE_REGIONS.has(p))
    ) {
      candidates.splice(candidates.length - 1, 0, "zh-hant");
    }
    for (const candidate of candidates) if (!out.includes(candidate)) out.push(candidate);
  }
  return out;
}

/**
 * The first of `available` that serves `locale`, following {@link languageCandidates}
 * (`pt-BR` → `pt`, `es-MX` → `es`, `zh-TW` → `zh-Hant`, `no` → `nb`); tags compare without case.
 *
 * @param locale The recipient's locale.
 * @param available The tags on offer. @default OTP_LANGUAGE_TAGS
 * @returns The matching entry of `available`, as written there; `undefined` when none matches
 *   (the caller falls back, usually to English).
 * @throws Never.
 * @example
 * ```ts
 * matchLanguage("pt-BR"); // "pt"
 * matchLanguage("zh-HK"); // "zh-Hant"
 * matchLanguage("kl"); // undefined
 * matchLanguage("es-MX", ["en", "es-MX", "es"]); // "es-MX"
 * ```
 */
export function matchLanguage<T extends string = OtpLanguageTag>(
  locale: unknown,
  available: readonly T[] = OTP_LANGUAGE_TAGS as unknown as readonly T[],
): T | undefined {
  for (const candidate of languageCandidates(locale)) {
    const hit = available.find((tag) => tag.toLowerCase() === candidate);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * The writing direction of a locale: right to left for Arabic, Hebrew, Persian, Urdu and the
 * other languages written in right-to-left scripts, or when the tag names such a script
 * (`pa-Arab`); left to right otherwise, and for anything that is not a tag.
 *
 * @param locale A BCP 47 tag.
 * @returns `"rtl"` or `"ltr"`.
 * @throws Never.
 * @example
 * ```ts
 * languageDirection("ar-EG"); // "rtl"
 * languageDirection("iw"); // "rtl"
 * languageDirection("pa-Arab"); // "rtl"
 * languageDirection("de"); // "ltr"
 * ```
 */
export function languageDirection(locale: unknown): "ltr" | "rtl" {
  const subtags = subtagsOf(locale);
  const script = subtags[1] !== undefined && /^[a-z]{4}$/.test(subtags[1]) ? subtags[1] : undefined;
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  const language = subtags[0];
  if (language === undefined) return "ltr";
  return RTL_LANGUAGES.has(ALIASES[language] ?? language) ? "rtl" : "ltr";
}
