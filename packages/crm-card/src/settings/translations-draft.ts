// The per-language e-mail texts in the settings draft (`email.translations`: language tag → the
// parts that replace otpkit's built-in e-mail in that language): reading them, the edit one
// keystroke makes, and what the page refuses to send.
import type { SettingsDraft } from "./draft.js";
import { valueAt } from "./draft.js";
import type { FieldErrors } from "./field-errors.js";
import { languageRank } from "./languages.js";
import type { TranslationPart } from "./translation-rules.js";
import { TRANSLATION_PARTS, textProblem } from "./translation-rules.js";

/** Where the per-language texts live in the settings. */
export const TRANSLATIONS_PATH = "email.translations";

/** The dotted path of one part of one language's texts (`email.translations.de.subject`). */
export type TranslationPath = `email.translations.${string}.${TranslationPart}`;

/** One language's texts as the draft holds them: only the parts that were given. */
export type LanguageTexts = Readonly<Partial<Record<TranslationPart, string>>>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The path of one part of one language's texts.
 *
 * @throws Never.
 * @example
 * ```ts
 * translationPath("de", "subject"); // "email.translations.de.subject"
 * ```
 */
export function translationPath(tag: string, part: TranslationPart): TranslationPath {
  return `${TRANSLATIONS_PATH}.${tag}.${part}`;
}

/**
 * A path's language and part, when it names one part of one language's texts.
 *
 * @throws Never.
 * @example
 * ```ts
 * parseTranslationPath("email.translations.pt-BR.body"); // { tag: "pt-BR", part: "body" }
 * parseTranslationPath("email.template.body"); // undefined
 * ```
 */
export function parseTranslationPath(
  path: string,
): { tag: string; part: TranslationPart } | undefined {
  const match = /^email\.translations\.([^.]+)\.(\w+)$/.exec(path);
  const part = TRANSLATION_PARTS.find((p) => p === match?.[2]);
  return match?.[1] === undefined || part === undefined ? undefined : { tag: match[1], part };
}

/**
 * The texts of every language in the draft, as given (a section that is not an object: none).
 *
 * @throws Never.
 * @example
 * ```ts
 * translationsIn(draft)["de"]?.subject;
 * ```
 */
export function translationsIn(draft: SettingsDraft): Readonly<Record<string, LanguageTexts>> {
  const all = valueAt(draft, TRANSLATIONS_PATH);
  if (!isObject(all)) return {};
  const out: Record<string, LanguageTexts> = {};
  for (const [tag, texts] of Object.entries(all)) {
    if (!isObject(texts)) continue;
    const given: Partial<Record<TranslationPart, string>> = {};
    for (const part of TRANSLATION_PARTS) {
      const text = texts[part];
      if (typeof text === "string") given[part] = text;
    }
    out[tag] = given;
  }
  return out;
}

/**
 * The languages that have texts of their own in the draft (at least one part), in the page's
 * language order; tags otpkit has no e-mail in come last.
 *
 * @throws Never.
 * @example
 * ```ts
 * languagesWithTexts(draft); // ["ar", "de"]
 * ```
 */
export function languagesWithTexts(draft: SettingsDraft): string[] {
  return Object.entries(translationsIn(draft))
    .filter(([, texts]) => Object.keys(texts).length > 0)
    .map(([tag]) => tag)
    .sort((a, b) => languageRank(a) - languageRank(b) || a.localeCompare(b));
}

/**
 * The draft's key for a language: the tag as already written there (`DE` for `de`, the server
 * compares tags without case), else the tag itself.
 *
 * @throws Never.
 * @example
 * ```ts
 * draftKey({ email: { translations: { DE: { subject: "…" } } } }, "de"); // "DE"
 * ```
 */
export function draftKey(draft: SettingsDraft, tag: string): string {
  const key = tag.toLowerCase();
  return Object.keys(translationsIn(draft)).find((t) => t.toLowerCase() === key) ?? tag;
}

/**
 * The edit that typing `text` into one part makes: the text itself, or, for an empty text,
 * removing the part (the built-in text applies again), and the whole language once its last
 * part goes (so the draft holds no empty language).
 *
 * @returns The path and value to give the form's `edit`.
 * @throws Never.
 * @example
 * ```ts
 * translationEdit(draft, "de", "subject", ""); // { path: "email.translations.de", value: undefined }
 * ```
 */
export function translationEdit(
  draft: SettingsDraft,
  tag: string,
  part: TranslationPart,
  text: string,
): { path: `email.translations.${string}`; value: string | undefined } {
  if (text !== "") return { path: translationPath(tag, part), value: text };
  const others = Object.keys(translationsIn(draft)[tag] ?? {}).filter((p) => p !== part);
  return others.length === 0
    ? { path: `${TRANSLATIONS_PATH}.${tag}`, value: undefined }
    : { path: translationPath(tag, part), value: undefined };
}

/**
 * Every part of every language's texts the server would refuse, by path, in its words: the page
 * shows them at their fields and does not send the settings while there are any.
 *
 * @throws Never.
 * @example
 * ```ts
 * translationProblems(draft); // { "email.translations.de.body": "Only {expiry_minutes} is filled in; …" }
 * ```
 */
export function translationProblems(draft: SettingsDraft): FieldErrors {
  const problems: Record<string, string> = {};
  const all = valueAt(draft, TRANSLATIONS_PATH);
  if (!isObject(all)) return problems;
  for (const [tag, texts] of Object.entries(all)) {
    if (!isObject(texts)) continue;
    for (const part of TRANSLATION_PARTS) {
      if (!(part in texts)) continue;
      const problem = textProblem(part, texts[part]);
      if (problem !== undefined) problems[translationPath(tag, part)] = problem;
    }
  }
  return problems;
}
