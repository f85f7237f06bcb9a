// The settings API's field errors (dotted path → what to fix) as the page shows them: next to
// their field, and as one list in the summary, in the page's order and with the field's name.
import { languageName, languageRank } from "./languages.js";
import { FIELD_LABELS, groupOf, isSettingsPath, SETTINGS_GROUPS } from "./settings-fields.js";
import { TRANSLATION_PARTS } from "./translation-rules.js";
import { parseTranslationPath } from "./translations-draft.js";

/** Dotted path (`""` for the whole form) → what to fix. */
export type FieldErrors = Readonly<Record<string, string>>;

/** One line of the summary. */
export interface ErrorLine {
  path: string;
  /** Where on the page: `"E-mail: Subject"`, `"E-mail"` for the group, `"Settings"` for `""`. */
  label: string;
  message: string;
}

const ORDER: readonly string[] = SETTINGS_GROUPS.flatMap((g) => [...g.sections, ...g.fields]);
// The languages' texts come right after their group's own errors: by language, then by part.
const LANGUAGES_AT = ORDER.indexOf("email.translations");

/**
 * The field errors in the page's order, each with the place it belongs to. Errors for the whole
 * form come first; paths the page does not know come last, under their own name.
 *
 * @param errors The API's `fieldErrors`.
 * @returns The summary's lines.
 * @throws Never.
 * @example
 * ```ts
 * errorLines({ "email.template.subject": "Enter the subject.", "": "Send JSON." });
 * // [{ path: "", label: "Settings", message: "Send JSON." },
 * //  { path: "email.template.subject", label: "E-mail: Subject", message: "Enter the subject." }]
 * ```
 */
export function errorLines(errors: FieldErrors): ErrorLine[] {
  const rank = (path: string) => {
    if (path === "") return -1;
    const text = parseTranslationPath(path);
    if (text !== undefined) {
      const within = languageRank(text.tag) * TRANSLATION_PARTS.length;
      return LANGUAGES_AT + (1 + within + TRANSLATION_PARTS.indexOf(text.part)) / 1000;
    }
    const i = ORDER.indexOf(path);
    return i === -1 ? ORDER.length : i;
  };
  return Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([path, message]) => ({ path, label: labelFor(path), message }));
}

function labelFor(path: string): string {
  if (path === "") return "Settings";
  const text = parseTranslationPath(path);
  if (text !== undefined) {
    const part = FIELD_LABELS[`email.template.${text.part}`];
    return `${groupOf("email.translations")?.title}: ${languageName(text.tag)}: ${part}`;
  }
  const group = groupOf(path);
  if (group === undefined) return path;
  return isSettingsPath(path) ? `${group.title}: ${FIELD_LABELS[path]}` : group.title;
}

/**
 * The errors without one path's, and those of everything under it: the admin changed that field
 * (or replaced or removed that group, such as one language's texts), so the old messages are
 * stale.
 *
 * @throws Never.
 * @example
 * ```ts
 * withoutError({ maxAttempts: "Use …", defaultCountry: "Use …" }, "maxAttempts");
 * // { defaultCountry: "Use …" }
 * withoutError({ "email.translations.de.body": "Only …" }, "email.translations.de"); // {}
 * ```
 */
export function withoutError(errors: FieldErrors, path: string): FieldErrors {
  const stale = (p: string) => p === path || p.startsWith(`${path}.`);
  if (!Object.keys(errors).some(stale)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([p]) => !stale(p)));
}
