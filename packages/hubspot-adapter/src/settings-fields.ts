import type { CountryCode } from "libphonenumber-js/max";
import { isSupportedCountry } from "libphonenumber-js/max";
import * as z from "zod";
import { unknownKeysError } from "./settings-keys.js";

// The kinds of field the settings schema (settings.ts) is made of, each with the message an
// admin reads next to it on the settings page.

/**
 * A default that must be one of the offered choices: checked once, at import.
 *
 * @throws {Error} When it is not (otp-core's defaults moved away from the page's choices).
 * @example
 * ```ts
 * among([4, 6, 8], OTP_DEFAULTS.code.length, "code length"); // 6
 * ```
 */
export function among<T extends number>(choices: readonly T[], value: number, what: string): T {
  if (!(choices as readonly number[]).includes(value)) {
    throw new Error(`otp-core's default ${what} (${value}) is not among the choices ${choices}`);
  }
  return value as T;
}

// Numbers from a page arrive as numbers, but a select may hand over "6": accept plain digits.
const digits = (value: unknown) =>
  typeof value === "string" && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : value;

/**
 * One of the offered numbers (digits in a string count).
 *
 * @throws Never (a zod schema: problems are issues).
 * @example
 * ```ts
 * choice([4, 6, 8], "Choose a length of 4, 6 or 8 characters.").parse("6"); // 6
 * ```
 */
export const choice = <T extends number>(choices: readonly T[], error: string) =>
  z.preprocess(digits, z.literal(choices, { error }));

/**
 * A whole number within `[min, max]` (digits in a string count); `unit` ends the message.
 *
 * @throws Never (a zod schema: problems are issues).
 * @example
 * ```ts
 * wholeNumber([1, 20]).parse(" 4 "); // 4
 * ```
 */
export const wholeNumber = ([min, max]: readonly [number, number], unit = "") => {
  const error = `Use a whole number from ${min} to ${max}${unit}.`;
  return z.preprocess(
    digits,
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );
};

/** A switch. */
export const onOff = z.boolean({ error: "Choose on or off." });

/** A WhatsApp template name, as approved in WhatsApp Manager; optional. */
export const templateName = z
  .string({ error: "Enter the template name." })
  .regex(/^[a-z0-9_]{1,512}$/, {
    error: "Use the template name exactly as approved in WhatsApp Manager (a-z, 0-9 and _).",
  })
  .optional();

/** A two-letter country code in any case, as libphonenumber knows it (upper case out). */
export const country = z
  .string({ error: "Use a two-letter country code such as US, DE or GB." })
  .transform((value, ctx): CountryCode => {
    const code = value.trim().toUpperCase();
    if (isSupportedCountry(code)) return code;
    ctx.addIssue("Use a two-letter country code such as US, DE or GB.");
    return z.NEVER;
  });

/**
 * A group of fields, each with a default, so a missing group takes every default inside it;
 * strict, as every object of the settings: an unknown key is refused, named with what `name`
 * takes. `error` is the message when the group is not an object.
 * (The cast: TypeScript cannot see through the generic that `{}` is a valid input.)
 *
 * @throws Never (a zod schema: problems are issues).
 * @example
 * ```ts
 * section("lockout", { maxFailures: …, durationMinutes: … }, "Set the lockout's failures and duration.");
 * ```
 */
export const section = <S extends z.ZodRawShape>(name: string, shape: S, error: string) =>
  z
    .strictObject(shape, { error: unknownKeysError(`"${name}" takes`, Object.keys(shape), error) })
    .prefault({} as z.input<z.ZodObject<S, z.core.$strict>>);
