import type { EmailPlaceholder } from "./templates.js";

/** @internal The placeholder values of one message. */
export type Values = Partial<Record<EmailPlaceholder, string>>;

// Filling templates. A part becomes paragraphs of lines of tokens, so that the plain-text and
// HTML renderings come from one structure and the HTML can style the code.

/** @internal A run of literal text, or a placeholder's value. */
export type Token = { value: false; text: string } | { value: EmailPlaceholder; text: string };
/** @internal One line of a part. */
export type Line = Token[];
/** @internal Lines kept together. */
export type Paragraph = Line[];

const PLACEHOLDER = /\{\{([A-Za-z]+)\}\}/g;
// Commas in Latin, Arabic (،) and CJK (、，) text, and spaces, around a name that is left out.
const NAME_SEPARATOR_END = /[\s,،、，]+$/u;
const NAME_SEPARATOR_START = /^[\s,،、，]+/u;
// Letters written onto the name: honorifics such as 様 or 님.
const NAME_SUFFIX = /^[\p{L}\p{M}]+/u;

/** Fills one line; `undefined` when it uses a placeholder that has no value (the line is left out). */
function fillLine(line: string, values: Values): Line | undefined {
  const tokens: Line = [];
  let last = 0;
  for (const match of line.matchAll(PLACEHOLDER)) {
    const name = match[1] as EmailPlaceholder;
    const before = line.slice(last, match.index);
    last = match.index + match[0].length;
    const value = values[name];
    if (value === undefined) {
      // Any missing value but the name (no support contact, no expiry) drops the whole line.
      if (name !== "name") return undefined;
      // No name: "Hi {{name}}," becomes "Hi,", "Hola, {{name}}:" "Hola:", "안녕하세요, {{name}}님."
      // "안녕하세요." (an honorific written onto the name goes with it) and "{{name}}，您好："
      // "您好：" (the separator after a leading name goes too).
      const kept = before.replace(NAME_SEPARATOR_END, "");
      if (kept !== "") tokens.push({ value: false, text: kept });
      last += NAME_SUFFIX.exec(line.slice(last))?.[0].length ?? 0;
      if (kept === "" && tokens.length === 0) {
        last += NAME_SEPARATOR_START.exec(line.slice(last))?.[0].length ?? 0;
      }
      continue;
    }
    if (before !== "") tokens.push({ value: false, text: before });
    tokens.push({ value: name, text: value });
  }
  const rest = line.slice(last);
  if (rest !== "") tokens.push({ value: false, text: rest });
  return tokens;
}

/** @internal A template part as paragraphs; lines whose values are missing are left out. */
export function fill(part: string, values: Values): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const block of part.split(/\n{2,}/)) {
    const lines = block
      .split("\n")
      .map((line) => fillLine(line, values))
      .filter((line): line is Line => line !== undefined && lineText(line).trim() !== "");
    if (lines.length > 0) paragraphs.push(lines);
  }
  return paragraphs;
}

/** @internal A one-line part (the subject), never left out. */
export function renderLine(line: string, values: Values): string {
  // The subject is one line that must exist: a missing value becomes empty instead of
  // dropping the line, with the same rule for a missing name as in `fillLine`.
  return line
    .replace(/[\s,]*\{\{name\}\}/g, (match) => (values.name === undefined ? "" : match))
    .replace(PLACEHOLDER, (_, name: string) => values[name as EmailPlaceholder] ?? "");
}

function lineText(line: Line): string {
  return line.map((token) => token.text).join("");
}

/** @internal The plain-text rendering. */
export function toText(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => p.map(lineText).join("\n")).join("\n\n");
}
