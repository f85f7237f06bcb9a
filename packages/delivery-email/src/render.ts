import type { OtpMessage, OtpMessageKind } from "@otpkit/otp-core";
import { argumentError, languageCandidates, OtpError } from "@otpkit/otp-core";
import { hasControlCharacters } from "./address.js";
import type { Values } from "./fill.js";
import { fill, renderLine, toText } from "./fill.js";
import { formatDateTime, formatMinutes, formatTime } from "./format.js";
import { escapeHtml, toHtml } from "./render-html.js";
import { configError } from "./smtp-errors.js";
import type { EmailTemplate, EmailTemplateOverrides, TemplateRegistry } from "./templates.js";
import { buildTemplateRegistry, isLocaleTag, MESSAGE_KINDS } from "./templates.js";

export { escapeHtml };

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
