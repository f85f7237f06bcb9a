// What an e-mail text may contain, checked on the page as the admin types a language's texts, so a
// text the server would refuse is named at its field before anything is sent. The same rule and
// the same words as the server's settings schema (@otpkit/hubspot-adapter, email-texts.ts):
// translation-rules.test.ts runs every case through both and holds them equal.

/** The parts of an e-mail a language's texts may replace, in the page's order. */
export const TRANSLATION_PARTS = ["subject", "greeting", "body", "footer"] as const;

/** One part of a language's e-mail texts. */
export type TranslationPart = (typeof TRANSLATION_PARTS)[number];

/**
 * The one placeholder e-mail texts may use: the minutes the code works.
 *
 * @example
 * ```ts
 * `Your code works for ${EXPIRY_PLACEHOLDER} minutes`;
 * ```
 */
export const EXPIRY_PLACEHOLDER = "{expiry_minutes}";

interface PartRule {
  /** The part in the server's messages ("Enter the text above the code."). */
  words: string;
  max: number;
  /** A part that is given must not be blank (the subject and the text above the code). */
  required: boolean;
  /** No line breaks (a subject, a greeting). */
  oneLine: boolean;
}

const RULES: Readonly<Record<TranslationPart, PartRule>> = {
  subject: { words: "subject", max: 200, required: true, oneLine: true },
  greeting: { words: "greeting", max: 200, required: false, oneLine: true },
  body: { words: "text above the code", max: 2000, required: true, oneLine: false },
  footer: { words: "footer", max: 1000, required: false, oneLine: false },
};

// Any {…} but {expiry_minutes} is refused: a typo like {expiry} would reach the contact as
// written, and {{…}} is the e-mail renderer's own syntax.
const BRACES = /\{[^{}]*\}/g;

/** C0 controls and DEL; tab and line breaks only where a text may span lines. */
function hasControls(value: string, multiLine: boolean): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const lineBreakOrTab = c === 0x09 || c === 0x0a || c === 0x0d;
    if (c === 0x7f || (c < 0x20 && !(multiLine && lineBreakOrTab))) return true;
  }
  return false;
}

/**
 * What is wrong with one part of a language's e-mail texts, in the server's words: the first
 * problem, as the server reports the first problem of each field.
 *
 * @param part Which part (`subject`, `greeting`, `body`, `footer`).
 * @param value The text as typed.
 * @returns The message for the field, or undefined when the server will accept it.
 * @throws Never.
 * @example
 * ```ts
 * textProblem("body", "Hallo {name}, Ihr Code:");
 * // "Only {expiry_minutes} is filled in; remove or fix {name}."
 * textProblem("subject", "Ihr Code"); // undefined
 * ```
 */
export function textProblem(part: TranslationPart, value: unknown): string | undefined {
  const rule = RULES[part];
  if (typeof value !== "string") return `Enter the ${rule.words} as text.`;
  if (rule.required && value.trim() === "") return `Enter the ${rule.words}.`;
  if (value.length > rule.max) {
    return `Shorten the ${rule.words} to ${rule.max} characters at most.`;
  }
  if (hasControls(value, !rule.oneLine)) {
    return rule.oneLine
      ? `Keep the ${rule.words} on one line.`
      : `Remove the control characters from the ${rule.words}.`;
  }
  const unknown = (value.match(BRACES) ?? []).filter((m) => m !== EXPIRY_PLACEHOLDER);
  if (unknown.length > 0) {
    return `Only ${EXPIRY_PLACEHOLDER} is filled in; remove or fix ${[...new Set(unknown)].join(", ")}.`;
  }
  return undefined;
}

/**
 * Whether a part's input spans lines (`TextArea`) or is one line (`Input`).
 *
 * @throws Never.
 * @example
 * ```ts
 * isMultiLine("footer"); // true
 * ```
 */
export function isMultiLine(part: TranslationPart): boolean {
  return !RULES[part].oneLine;
}
