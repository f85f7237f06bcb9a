// How the card writes times, durations and counts: pure functions of their inputs, so the same
// timestamp reads the same in a test, a preview and the portal.

/** The portal's time zone and the user's locale: how every time on the card is written. */
export interface TimeFormat {
  /** IANA time zone, e.g. `America/New_York` (`context.portal.timezone`). */
  timeZone: string;
  /** BCP 47 locale, e.g. `en-US` (`context.user.locale`). */
  locale: string;
}

/** The context fields {@link timeFormatOf} reads. */
export interface TimeFormatContext {
  portal?: { timezone?: string } | undefined;
  user?: { locale?: string | undefined; language?: string | undefined } | undefined;
}

const FALLBACK_LOCALE = "en-US";
const FALLBACK_TIME_ZONE = "UTC";

/**
 * The portal's time zone and the user's locale, each checked: a value `Intl` does not know falls
 * back (time zone `UTC`, locale `en-US`) rather than breaking the card.
 *
 * @param context The extension context (`portal.timezone`, `user.locale` or `user.language`).
 * @returns The {@link TimeFormat} to pass to {@link formatDateTime}.
 * @throws Never: unknown values fall back.
 * @example
 * ```ts
 * timeFormatOf({ portal: { timezone: "Europe/Berlin" }, user: { locale: "de-de" } });
 * // { timeZone: "Europe/Berlin", locale: "de-de" }
 * ```
 */
export function timeFormatOf(context: TimeFormatContext): TimeFormat {
  const zone = context.portal?.timezone;
  const locale = [context.user?.locale, context.user?.language].find(isKnownLocale);
  return {
    timeZone: zone !== undefined && isKnownTimeZone(zone) ? zone : FALLBACK_TIME_ZONE,
    locale: locale ?? FALLBACK_LOCALE,
  };
}

/**
 * A moment as the agent reads it: date, time and the zone's short name, e.g.
 * `Dec 1, 2026, 9:30 AM EST` (portal in New York, user in `en-US`).
 *
 * @param epochMs The moment, epoch milliseconds.
 * @param format The portal's time zone and the user's locale ({@link timeFormatOf}).
 * @returns The formatted date and time.
 * @throws Never: an unknown zone or locale falls back to UTC / `en-US`.
 * @example
 * ```ts
 * formatDateTime(Date.UTC(2026, 11, 1, 14, 30), { timeZone: "Europe/Berlin", locale: "de-DE" });
 * // "1. Dez. 2026, 15:30 MEZ"
 * ```
 */
export function formatDateTime(epochMs: number, format: TimeFormat): string {
  const checked = timeFormatOf({
    portal: { timezone: format.timeZone },
    user: { locale: format.locale },
  });
  return new Intl.DateTimeFormat(checked.locale, {
    timeZone: checked.timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(epochMs);
}

/**
 * A wait in words, rounded up so the agent never tries too early: `less than a minute`,
 * `about 4 minutes`, `about 2 hours`.
 *
 * @param seconds Seconds to wait (the server's `retryAfter`, or a difference of its clock).
 * @returns The wait, in English.
 * @throws Never.
 * @example
 * ```ts
 * formatWait(200); // "about 4 minutes"
 * ```
 */
export function formatWait(seconds: number): string {
  if (!(seconds > 60)) return "less than a minute";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `about ${plural(minutes, "minute")}`;
  return `about ${plural(Math.ceil(minutes / 60), "hour")}`;
}

/**
 * A count with its noun: `1 minute`, `10 minutes`.
 *
 * @param count The number.
 * @param noun The singular noun; the plural adds an `s`.
 * @returns The phrase.
 * @throws Never.
 * @example
 * ```ts
 * plural(1, "attempt"); // "1 attempt"
 * ```
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(FALLBACK_LOCALE, { timeZone: zone });
    return zone !== "";
  } catch {
    return false;
  }
}

function isKnownLocale(locale: string | undefined): locale is string {
  if (locale === undefined || locale.trim() === "") return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}
