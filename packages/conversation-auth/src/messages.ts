import { languageCandidates, matchLanguage } from "@otpkit/otp-core";
import { CONVERSATION_LOCALES } from "./locales/index.js";

/**
 * What the agent says at each step. Placeholders in braces are filled in: `{destination}` (masked:
 * `***78`, `a***@example.com`), `{minutes}`, `{attempts}`, `{length}`, `{seconds}`.
 */
export interface ConversationMessages {
  /** The code went to a phone (WhatsApp). */
  codeSentPhone: string;
  /** The code went to an e-mail address. */
  codeSentEmail: string;
  /** With `hideDestination`, and for an identifier no record matches. */
  codeSentGeneric: string;
  /** A wrong code, more than one attempt left. */
  incorrectMany: string;
  /** A wrong code, one attempt left. */
  incorrectOne: string;
  /**
   * A wrong code, and the engine sent a fresh one (otp-core's `retryOnFailure`): enter the new
   * code; more than one attempt left.
   */
  incorrectResentMany: string;
  /** A wrong code, a fresh one went out (`retryOnFailure`); one attempt left. */
  incorrectResentOne: string;
  /** The code typed is one a newer code replaced: nothing was counted; enter the latest. */
  replaced: string;
  /** The last wrong code: the process is cancelled. */
  cancelled: string;
  /** The code's time is up. */
  expired: string;
  /** The answer does not look like a code (nothing was counted). */
  malformed: string;
  /** The right code. */
  verified: string;
  /** A code was sent moments ago, or too many were sent: wait. */
  throttled: string;
  /** Too many failures for this person: verification is paused. */
  locked: string;
  /** A verification is in progress: the agent is waiting for the code. */
  pending: string;
  /** A code was submitted but no verification is in progress. */
  notStarted: string;
  /** The authenticated session ran out (inactivity or the absolute limit). */
  sessionExpired: string;
  /** The session is active. */
  sessionActive: string;
  /** The session was ended. */
  sessionEnded: string;
  /** The record has neither a usable phone nor an e-mail address. */
  noChannel: string;
}

/**
 * English, with the wording of the product description (seed 004).
 *
 * @example
 * ```ts
 * createConversationAuth({ ...options, messages: { en: { verified: "Thanks, you're verified." } } });
 * ```
 */
export const MESSAGES_EN: Readonly<ConversationMessages> = CONVERSATION_LOCALES.en;

/**
 * Spanish (neutral Latin American, informal "tú"), used for `es` and every `es-*` locale.
 *
 * @example
 * ```ts
 * await auth.start({ conversationId: "c1", identifier: "4721", locale: "es-MX" });
 * // reply: "Enviamos un código de verificación al número ***78 registrado en tu perfil. …"
 * ```
 */
export const MESSAGES_ES: Readonly<ConversationMessages> = CONVERSATION_LOCALES.es;

/**
 * Operator overrides: per language or region (`"en"`, `"es"`, `"pt-BR"`, `"zh-Hant"`; any case),
 * any subset of the messages. A language otpkit has no replies in (`"cy"`) may be given too: the
 * messages it leaves out come from the default language.
 */
export type MessageOverrides = Readonly<Record<string, Partial<ConversationMessages>>>;

/** The overrides keyed by lower-case tag, so `pt-BR` and `pt-br` are one entry. */
function overridesFor(
  locale: string,
  overrides: MessageOverrides,
): Partial<ConversationMessages>[] {
  const byTag = new Map(Object.entries(overrides).map(([tag, m]) => [tag.toLowerCase(), m]));
  // Least specific first, so `pt-BR`'s texts win over `pt`'s.
  return languageCandidates(locale)
    .reverse()
    .flatMap((tag) => {
      const found = byTag.get(tag);
      return found === undefined ? [] : [found];
    });
}

/**
 * The messages for a locale: the built-in replies of its language (otp-core's `matchLanguage`:
 * `pt-BR` → `pt`, `zh-TW` → `zh-Hant`, `no` → `nb`), or else those of `defaultLocale`, or else
 * English; with the operator's overrides for the language and then the exact tag over them.
 *
 * @param locale The conversation's locale (BCP 47; `_` accepted).
 * @param overrides The operator's overrides (`options.messages`).
 * @param defaultLocale Where a locale without built-in replies falls back to. @default "en"
 * @returns Every message, none missing.
 * @throws Never.
 * @example
 * ```ts
 * messagesFor("pt-BR", {}).verified; // "Identidade verificada."
 * messagesFor("kl", { en: { verified: "Done." } }).verified; // "Done."
 * ```
 */
export function messagesFor(
  locale: string,
  overrides: MessageOverrides,
  defaultLocale = "en",
): ConversationMessages {
  const own = overridesFor(locale, overrides);
  const tag = matchLanguage(locale);
  if (tag !== undefined) return Object.assign({}, CONVERSATION_LOCALES[tag], ...own);
  // A language without built-in replies speaks the default language (English unless set), with
  // the operator's overrides for that language, and its own overrides over them.
  const next = locale.toLowerCase() === defaultLocale.toLowerCase() ? "en" : defaultLocale;
  return Object.assign(messagesFor(next, overrides, "en"), ...own);
}

/** `template` with each `{name}` replaced by `values[name]` (unknown names stay as written). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
