import type { AlphabetName, OtpLanguageTag } from "@otpkit/otp-core";
import { matchLanguage } from "@otpkit/otp-core";
import { PAGE_LOCALES } from "./locales/index.js";
import type { PageStrings } from "./page-strings.js";

/** Languages of the hosted pages: every language of otp-core's `OTP_LANGUAGES`. */
export type Lang = OtpLanguageTag;

/**
 * Picks the page language: the first entry of Accept-Language (by q-value, then order) that one
 * of the languages serves, found with otp-core's `matchLanguage` (`pt-BR` → `pt`, `zh-TW` →
 * `zh-Hant`, `no` → `nb`); then the verification's own locale; then English.
 *
 * @param acceptLanguage The request's `Accept-Language` header.
 * @param fallback The verification's locale, when there is one.
 * @returns A language of {@link MESSAGES}.
 * @throws {never}
 * @example
 * pickLanguage("fr-CA, en;q=0.8"); // "fr"
 * pickLanguage("kl", "zh-HK"); // "zh-Hant"
 */
export function pickLanguage(acceptLanguage: string | undefined, fallback?: string | null): Lang {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .slice(0, 32)
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const entry of ranked) {
    const lang = matchLanguage(entry.tag);
    if (lang !== undefined) return lang;
  }
  return matchLanguage(fallback) ?? "en";
}

/** What the pages say, in one language: texts, and the ones that take a value as functions. */
export interface Messages {
  title: string;
  endedTitle: string;
  intro: (destination: string | null) => string;
  label: string;
  hint: string;
  submit: string;
  invalid: (attemptsRemaining: number) => string;
  resent: (destination: string | null, attempts: number) => string;
  wrongResent: (destination: string | null, attempts: number) => string;
  /** The code typed is one a newer code replaced (nothing was counted): use the newest. */
  replaced: (destination: string | null) => string;
  resendPrompt: string;
  resendButton: string;
  resendWait: (ms: number) => string;
  resendFailed: string;
  malformed: (length: number, alphabet: AlphabetName) => string;
  exhausted: string;
  expired: string;
  locked: (minutes: number, time: string) => string;
  lockedUntilUnlocked: (support: string | null) => string;
  notFound: string;
  verifiedTitle: string;
  verified: string;
  continue: string;
  unknownTitle: string;
  unknown: string;
  cancelled: string;
  tooMany: string;
  badForm: string;
}

/** `text` with each `{name}` replaced, in one pass (a value is never read as a placeholder). */
function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * A wait in whole seconds under a minute, else whole minutes, rounded up: a person told "in 0
 * seconds" or "in 1 minute" for 61 s would press too early.
 */
function waitIn(ms: number): [number, "second" | "minute"] {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? [seconds, "second"] : [Math.ceil(seconds / 60), "minute"];
}

function messagesOf(s: PageStrings): Messages {
  const resent = (destination: string | null, n: number): string => {
    const one = n === 1;
    const text = destination ? (one ? s.resentToOne : s.resentTo) : one ? s.resentOne : s.resent;
    return fill(text, { destination: destination ?? "", attempts: n });
  };
  return {
    title: s.title,
    endedTitle: s.endedTitle,
    intro: (destination) => (destination ? fill(s.introTo, { destination }) : s.intro),
    label: s.label,
    hint: s.hint,
    submit: s.submit,
    invalid: (n) => (n === 1 ? s.invalidOne : fill(s.invalidMany, { attempts: n })),
    resent,
    wrongResent: (destination, n) => fill(s.wrongThen, { next: resent(destination, n) }),
    replaced: (destination) => (destination ? fill(s.replacedTo, { destination }) : s.replaced),
    resendPrompt: s.resendPrompt,
    resendButton: s.resendButton,
    resendWait: (ms) => {
      const [n, unit] = waitIn(ms);
      if (unit === "second") return n === 1 ? s.waitSecond : fill(s.waitSeconds, { seconds: n });
      return n === 1 ? s.waitMinute : fill(s.waitMinutes, { minutes: n });
    },
    resendFailed: s.resendFailed,
    malformed: (length, alphabet) =>
      fill(
        alphabet === "numeric"
          ? s.malformedDigits
          : alphabet === "alpha"
            ? s.malformedLetters
            : s.malformedAlphanumeric,
        { length },
      ),
    exhausted: s.exhausted,
    expired: s.expired,
    locked: (minutes, time) => fill(minutes === 1 ? s.lockedOne : s.locked, { minutes, time }),
    lockedUntilUnlocked: (support) =>
      support ? fill(s.lockedContact, { support }) : s.lockedSupport,
    notFound: s.notFound,
    verifiedTitle: s.verifiedTitle,
    verified: s.verified,
    continue: s.continue,
    unknownTitle: s.unknownTitle,
    unknown: s.unknown,
    cancelled: s.cancelled,
    tooMany: s.tooMany,
    badForm: s.badForm,
  };
}

/** The pages' messages in every language (texts in `locales/<tag>.ts`). */
export const MESSAGES: Readonly<Record<Lang, Messages>> = Object.freeze(
  Object.fromEntries(
    Object.entries(PAGE_LOCALES).map(([tag, strings]) => [tag, messagesOf(strings)]),
  ) as Record<Lang, Messages>,
);
