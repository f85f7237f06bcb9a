// The property picker's options: the app's own property first (offered before it exists: the
// server creates it on save), then the portal's text and phone properties, and the saved choice
// even when HubSpot no longer lists it, so the admin sees what is set.
import type { PropertyChoices } from "../wire.js";
import type { FieldOption } from "./fields.js";

/**
 * The picker's options.
 *
 * @param choices The settings API's property list, or null while it loads (or failed).
 * @param current The draft's `propertyStorage.property`.
 * @returns Options with `label (internal name)` labels.
 * @throws Never.
 * @example
 * ```ts
 * propertyOptions(
 *   { properties: [], appProperty: { name: "otpkit_code", label: "OTP code", exists: false }, fetchedAt: 0 },
 *   "otpkit_code",
 * );
 * // [{ value: "otpkit_code", label: "OTP code (otpkit_code), created when you save" }]
 * ```
 */
export function propertyOptions(choices: PropertyChoices | null, current: unknown): FieldOption[] {
  const options: FieldOption[] = [];
  if (choices !== null) {
    const own = choices.appProperty;
    options.push({
      value: own.name,
      label: `${own.label} (${own.name}), ${own.exists ? "the app's own" : "created when you save"}`,
    });
    for (const p of choices.properties) {
      if (p.name !== own.name) options.push({ value: p.name, label: `${p.label} (${p.name})` });
    }
  }
  if (typeof current === "string" && current !== "" && !options.some((o) => o.value === current)) {
    options.push({
      value: current,
      label:
        choices === null ? current : `${current} (not in HubSpot's list: sync, or choose another)`,
    });
  }
  return options;
}

/**
 * When the list was read from HubSpot, for the admin: in the portal's time zone when given.
 *
 * @param at Epoch ms (`PropertyChoices.fetchedAt`).
 * @param timeZone An IANA zone (`context.portal.timezone`); an unknown one falls back to UTC.
 * @param locale The user's locale, e.g. `en-US`.
 * @throws Never.
 * @example
 * ```ts
 * readAtText(Date.UTC(2026, 0, 5, 9, 30), "UTC", "en-US"); // "Jan 5, 2026, 9:30 AM"
 * ```
 */
export function readAtText(at: number, timeZone?: string, locale?: string): string {
  const style = { dateStyle: "medium", timeStyle: "short" } as const;
  try {
    return new Intl.DateTimeFormat(locale, { ...style, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat("en-US", { ...style, timeZone: "UTC" }).format(at);
  }
}
