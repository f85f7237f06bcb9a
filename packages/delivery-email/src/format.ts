// Times and durations in the reader's language, for the placeholders.

/** @internal "5 minutes" in `lang`. */
export function formatMinutes(minutes: number, lang: string): string {
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

/** @internal A time of day with its zone, in `lang`. */
export function formatTime(epochMs: number, lang: string, timeZone: string): string {
  return dateFormat(lang, {
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(epochMs);
}

/** @internal A date and time with its zone, in `lang`. */
export function formatDateTime(epochMs: number, lang: string, timeZone: string): string {
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
