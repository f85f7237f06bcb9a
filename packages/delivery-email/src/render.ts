import type { OtpMessage, OtpMessageKind } from "@otpkit/otp-core";
import { argumentError, languageCandidates, languageDirection, OtpError } from "@otpkit/otp-core";
import { hasControlCharacters } from "./address.js";
import { configError } from "./classify.js";
import type {
  EmailPlaceholder,
  EmailTemplate,
  EmailTemplateOverrides,
  TemplateRegistry,
} from "./templates.js";
import { buildTemplateRegistry, isLocaleTag, MESSAGE_KINDS } from "./templates.js";

/** Options of {@link renderEmail}; {@link createEmailChannel} takes the same ones. */
export interface RenderEmailOptions {
  /** Product name for `{{productName}}` (one line, up to 100 characters). */
  productName: string;
  /**
   * Where people can get help, for `{{supportContact}}`: an address, a URL or a phone number,
   * shown as text. Lines that use it are left out when it is not set.
   * @default undefined
   */
  supportContact?: string;
  /** Overrides of the built-in templates. @default undefined (built-in English and Spanish) */
  templates?: EmailTemplateOverrides;
  /** Locale used when the message's locale has no templates. @default "en" */
  defaultLocale?: string;
  /** IANA time zone for `{{expiryTime}}` and `{{lockedUntil}}` (`"Europe/Madrid"`). @default "UTC" */
  timeZone?: string;
  /** Clock for `{{expiryMinutes}}` when a message has `expiresAt` but no `ttlMs`. @default Date.now */
  now?: () => number;
}

/** The fields of an {@link OtpMessage} the renderer reads; a whole `OtpMessage` fits. */
export type RenderableMessage = Pick<OtpMessage, "kind" | "recipient" | "locale"> &
  Partial<Pick<OtpMessage, "code" | "expiresAt" | "ttlMs" | "lockedUntil">>;

/** A rendered e-mail. */
export interface RenderedEmail {
  /** Subject line (one line). */
  subject: string;
  /** The `text/plain` part. */
  text: string;
  /** The `text/html` part: a complete document with inline styles, no images, no remote resources. */
  html: string;
  /** The language the e-mail is written in, as used for `lang` (`"es-MX"`, or `"en"` after a fallback). */
  locale: string;
}

/** @internal A renderer with its options validated once. */
export type EmailRenderer = (message: RenderableMessage) => RenderedEmail;

/**
 * Renders one message to subject, plain text and HTML without sending anything: for tests,
 * previews and the README's sample.
 *
 * Every value is HTML-escaped in the HTML part (so are the templates: they are plain text).
 *
 * @throws {OtpError} `CONFIG_INVALID` for bad options, `INVALID_ARGUMENT` for a malformed
 *   message (missing code, bad timestamps), `RECIPIENT_INVALID` for a name with line breaks.
 * @example
 * ```ts
 * const { subject, text, html } = renderEmail(
 *   { kind: "code", code: "493817", ttlMs: 600_000, locale: "es-MX", recipient: { name: "Ana" } },
 *   { productName: "Acme" },
 * );
 * ```
 */
export function renderEmail(
  message: RenderableMessage,
  options: RenderEmailOptions,
): RenderedEmail {
  return createRenderer(options)(message);
}

/** @internal Validates options and returns the renderer the channel uses for every message. */
export function createRenderer(options: RenderEmailOptions): EmailRenderer {
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options);
  }
  const productName = checkText("productName", options.productName, 100, true);
  const supportContact =
    options.supportContact === undefined
      ? undefined
      : checkText("supportContact", options.supportContact, 200, true);
  const defaultLocale = options.defaultLocale ?? "en";
  if (!isLocaleTag(defaultLocale)) {
    throw configError("defaultLocale", "a BCP 47 language tag (en, es-MX)", defaultLocale);
  }
  const timeZone = options.timeZone ?? "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw configError("timeZone", "an IANA time zone (UTC, Europe/Madrid)", timeZone);
  }
  if (options.now !== undefined && typeof options.now !== "function") {
    throw configError("now", "a function returning epoch milliseconds", options.now);
  }
  const now = options.now ?? Date.now;
  const registry = buildTemplateRegistry(options.templates);
  const settings: Settings = {
    productName,
    supportContact,
    defaultLocale,
    timeZone,
    registry,
    now,
  };
  return (message) => render(message, settings);
}

interface Settings {
  productName: string;
  supportContact: string | undefined;
  defaultLocale: string;
  timeZone: string;
  registry: TemplateRegistry;
  now: () => number;
}

function checkText(field: string, value: unknown, max: number, required: boolean): string {
  if (typeof value !== "string" || (required && value.trim() === "") || value.length > max) {
    throw configError(field, `a non-empty string up to ${max} characters`, value);
  }
  if (hasControlCharacters(value)) {
    throw configError(
      field,
      "a single line of text",
      value,
      "remove line breaks and control characters",
    );
  }
  return value.trim();
}

function render(message: RenderableMessage, settings: Settings): RenderedEmail {
  if (typeof message !== "object" || message === null)
    throw invalid("message", "an OtpMessage", message);
  const kind = message.kind;
  if (!MESSAGE_KINDS.includes(kind))
    throw invalid("kind", `one of ${MESSAGE_KINDS.join(", ")}`, kind);
  const requested = message.locale ?? message.recipient?.locale;
  const { template, lang } = resolveTemplate(kind, requested, settings);
  const values = placeholderValues(message, kind, lang, settings);

  const subject =
    renderLine(template.subject, values).replace(/\s+/g, " ").trim() || settings.productName;
  const greeting = fill(template.greeting, values);
  const body = fill(template.body, values);
  const footer = fill(template.footer, values);

  const text = `${[greeting, body, footer]
    .map(toText)
    .filter((part) => part !== "")
    .join("\n\n")}\n`;
  const html = toHtml({ subject, lang, greeting, body, footer });
  return { subject, text, html, locale: lang };
}

function invalid(field: string, expected: string, got: unknown): OtpError {
  // Only the kind of the value, never the value: for `code` that would be the secret itself.
  return argumentError(field, expected, got, { source: "email", redact: true });
}

// ---------------------------------------------------------------------------------------------
// Locale resolution: "es-MX" → "es" → defaultLocale → "en", with otp-core's candidates
// (`zh-TW` → `zh-Hant`, `no` → `nb`).

function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

function resolveTemplate(
  kind: OtpMessageKind,
  requested: unknown,
  settings: Settings,
): { template: EmailTemplate; lang: string } {
  const wanted = isLocaleTag(requested) ? canonical(requested) : undefined;
  const chain = [
    ...(wanted ? languageCandidates(wanted) : []),
    ...languageCandidates(settings.defaultLocale),
    "en",
  ];
  for (const locale of chain) {
    const template = settings.registry.get(locale)?.[kind];
    if (template === undefined) continue;
    // `lang` names the language the text is in: the requested tag when its templates matched
    // (es-MX keeps its region for date formats), the template's own locale after a fallback.
    const language = locale.split("-")[0];
    const lang =
      wanted !== undefined && wanted.toLowerCase().split("-")[0] === language
        ? wanted
        : (canonical(locale) ?? "en");
    return { template, lang };
  }
  // Unreachable: "en" has every kind built in.
  throw invalid("kind", `a kind with templates (${MESSAGE_KINDS.join(", ")})`, kind);
}

// ---------------------------------------------------------------------------------------------
// Placeholder values.

type Values = Partial<Record<EmailPlaceholder, string>>;

// A code is made of printable ASCII (otp-core's alphabets are A-Z and digits); anything else
// (line breaks above all) could break out of the text it is placed in.
const CODE_SHAPE = /^[\x21-\x7e](?:[\x20-\x7e]{0,62}[\x21-\x7e])?$/;

function placeholderValues(
  message: RenderableMessage,
  kind: OtpMessageKind,
  lang: string,
  settings: Settings,
): Values {
  const values: Values = { productName: settings.productName };
  if (settings.supportContact !== undefined) values.supportContact = settings.supportContact;
  const name = displayName(message.recipient?.name);
  if (name !== undefined) values.name = name;

  if (kind === "code" || kind === "retry") {
    if (typeof message.code !== "string" || !CODE_SHAPE.test(message.code)) {
      throw invalid(
        "code",
        `1 to 64 printable ASCII characters for a "${kind}" message`,
        message.code,
      );
    }
    values.code = message.code;
    const now = settings.now();
    const expiresAt = finiteOrUndefined("expiresAt", message.expiresAt);
    const ttlMs = finiteOrUndefined("ttlMs", message.ttlMs);
    const remaining = ttlMs ?? (expiresAt === undefined ? undefined : expiresAt - now);
    if (remaining !== undefined) {
      const minutes = Math.max(1, Math.ceil(remaining / 60_000));
      values.expiryMinutes = String(minutes);
      values.expiryDuration = formatMinutes(minutes, lang);
    }
    const at = expiresAt ?? (ttlMs === undefined ? undefined : now + ttlMs);
    if (at !== undefined) values.expiryTime = formatTime(at, lang, settings.timeZone);
  }
  if (kind === "lockout") {
    const until = finiteOrUndefined("lockedUntil", message.lockedUntil);
    if (until !== undefined) values.lockedUntil = formatDateTime(until, lang, settings.timeZone);
  }
  return values;
}

function finiteOrUndefined(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw invalid(field, "a finite number", value);
  return value;
}

function displayName(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") {
    throw new OtpError("RECIPIENT_INVALID", `"recipient.name" expected a string`, {
      field: "recipient.name",
      source: "email",
      retryable: false,
    });
  }
  // Why refuse rather than strip: a name with CR/LF is an injection attempt or corrupt data,
  // and either is worth surfacing. (nodemailer would encode it in a header anyway, but the
  // name never goes into a header here: the To header is the bare address.)
  if (hasControlCharacters(raw)) {
    throw new OtpError(
      "RECIPIENT_INVALID",
      `"recipient.name" must not contain line breaks or control characters`,
      { field: "recipient.name", source: "email", retryable: false },
    );
  }
  const name = raw.trim().replace(/\s+/g, " ");
  // Why: the name is often typed by whoever asks for the code, not by the mailbox owner. A long
  // name or one carrying a link turns a verification e-mail into a spam or phishing vehicle
  // ("Hi Visit https://evil.example,"), so such names are left out of the greeting.
  if (name === "" || name.length > 64 || /[a-z][a-z0-9+.-]*:\/\/|www\./i.test(name)) {
    return undefined;
  }
  return name;
}

function formatMinutes(minutes: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, {
      style: "unit",
      unit: "minute",
      unitDisplay: "long",
    }).format(minutes);
  } catch {
    return `${minutes} min`;
  }
}

function formatTime(epochMs: number, lang: string, timeZone: string): string {
  return dateFormat(lang, {
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(epochMs);
}

function formatDateTime(epochMs: number, lang: string, timeZone: string): string {
  return dateFormat(lang, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(epochMs);
}

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, options);
  } catch {
    return new Intl.DateTimeFormat("en", options);
  }
}

// ---------------------------------------------------------------------------------------------
// Filling templates. A part becomes paragraphs of lines of tokens, so that the plain-text and
// HTML renderings come from one structure and the HTML can style the code.

type Token = { value: false; text: string } | { value: EmailPlaceholder; text: string };
type Line = Token[];
type Paragraph = Line[];

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

function fill(part: string, values: Values): Paragraph[] {
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

function renderLine(line: string, values: Values): string {
  // The subject is one line that must exist: a missing value becomes empty instead of
  // dropping the line, with the same rule for a missing name as in `fillLine`.
  return line
    .replace(/[\s,]*\{\{name\}\}/g, (match) => (values.name === undefined ? "" : match))
    .replace(PLACEHOLDER, (_, name: string) => values[name as EmailPlaceholder] ?? "");
}

function lineText(line: Line): string {
  return line.map((token) => token.text).join("");
}

function toText(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => p.map(lineText).join("\n")).join("\n\n");
}

// ---------------------------------------------------------------------------------------------
// HTML: one column, inline styles only (mail clients drop <style> and never load remote CSS),
// no images, no links, no remote resources. Colours pass WCAG AA: #1a1a1a on #ffffff is 17:1,
// the footer's #4d4d4d is 8.5:1.

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const MONO = "ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono','Courier New',monospace";
const P_STYLE = "margin:0 0 16px 0;";
const FOOTER_STYLE = "margin:0 0 8px 0;font-size:13px;line-height:1.5;color:#4d4d4d;";
const CODE_BLOCK_STYLE = `padding:12px 16px;font-family:${MONO};font-size:32px;line-height:1.25;font-weight:700;letter-spacing:0.2em;color:#000000;background-color:#f0f0f0;border:1px solid #d0d0d0;border-radius:6px;display:inline-block;white-space:nowrap;`;
const CODE_INLINE_STYLE = `font-family:${MONO};font-weight:700;letter-spacing:0.1em;`;

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function tokenHtml(token: Token): string {
  const escaped = escapeHtml(token.text);
  return token.value === "code"
    ? `<strong dir="ltr" style="${CODE_INLINE_STYLE}">${escaped}</strong>`
    : escaped;
}

function paragraphHtml(paragraph: Paragraph, style: string): string {
  const only =
    paragraph.length === 1 ? paragraph[0]?.filter((t) => t.text.trim() !== "") : undefined;
  if (only?.length === 1 && only[0]?.value === "code") {
    // The code on a paragraph of its own: large, monospaced, selectable text (never an image,
    // so it can be read by screen readers, copied, and autofilled).
    // dir="ltr": a code reads left to right inside a right-to-left e-mail too.
    return `<div style="margin:0 0 16px 0;"><span dir="ltr" style="${CODE_BLOCK_STYLE}">${escapeHtml(only[0].text)}</span></div>`;
  }
  const lines = paragraph.map((line) => line.map(tokenHtml).join(""));
  return `<p style="${style}">${lines.join("<br>\n")}</p>`;
}

function toHtml(parts: {
  subject: string;
  lang: string;
  greeting: Paragraph[];
  body: Paragraph[];
  footer: Paragraph[];
}): string {
  const lang = escapeHtml(parts.lang);
  const dir = languageDirection(parts.lang);
  const subject = escapeHtml(parts.subject);
  const main = [...parts.greeting, ...parts.body].map((p) => paragraphHtml(p, P_STYLE));
  const footer = parts.footer.map((p) => paragraphHtml(p, FOOTER_STYLE));
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}" dir="${dir}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="supported-color-schemes" content="light">',
    `<title>${subject}</title>`,
    "</head>",
    '<body style="margin:0;padding:0;background-color:#ffffff;">',
    // Webmail clients drop <html> and <body> (and their lang) when they inline a message, so the
    // wrapper repeats lang and dir. It is a div with role="article" rather than <article>, which
    // some clients strip: the pattern accessibility guides for e-mail recommend.
    `<div role="article" aria-roledescription="email" aria-label="${subject}" lang="${lang}" dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:${FONT};font-size:16px;line-height:1.5;color:#1a1a1a;background-color:#ffffff;">`,
    ...main,
    ...(footer.length > 0
      ? ['<hr style="border:none;border-top:1px solid #d0d0d0;margin:24px 0 16px 0;">', ...footer]
      : []),
    "</div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
