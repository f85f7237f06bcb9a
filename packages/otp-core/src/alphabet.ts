import { argumentError } from "./assert.js";

/** The three code alphabets. Letters that read alike (I/1, O/0) are left out of the letter sets. */
export const ALPHABETS = {
  /** 0-9: 10 symbols, what a phone keypad offers. */
  numeric: "0123456789",
  /** A-Z and 2-9 without I, O, 0, 1: 32 symbols, exactly 5 bits each. */
  alphanumeric: "ABCDEFGHJKLMNPQRSTUVWXYZ23456789",
  /** A-Z without I and O: 24 symbols. */
  alpha: "ABCDEFGHJKLMNPQRSTUVWXYZ",
} as const;

/** Name of a code alphabet. */
export type AlphabetName = keyof typeof ALPHABETS;

/** Longest input `normalizeCode` looks at; anything longer is refused before any work. */
export const MAX_INPUT_LENGTH = 64;

/**
 * Normalises what a person typed or pasted before it is compared: trims, removes spaces and
 * dashes (codes are often shown grouped, `123-456` or `ABC DEF`), and upper-cases for the
 * letter alphabets so `abcd` matches `ABCD`. Numeric codes are not case-folded (there is no case).
 *
 * @param input What the user entered.
 * @param alphabet The alphabet of the code it is compared with.
 * @returns The canonical form; it may still be wrong, it is only comparable.
 * @throws {OtpError} `INVALID_ARGUMENT` if `input` is not a string or longer than 64 characters.
 * @example
 * ```ts
 * normalizeCode(" 123-456 ", "numeric"); // "123456"
 * normalizeCode("abc def", "alpha");     // "ABCDEF"
 * ```
 */
export function normalizeCode(input: string, alphabet: AlphabetName): string {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) {
    throw argumentError("code", `string up to ${MAX_INPUT_LENGTH} characters`, input);
  }
  // \s covers tabs and no-break spaces pasted from messages; the dash class covers the
  // hyphen-minus and the Unicode dashes that word processors and chat apps substitute.
  const compact = input.trim().replace(/[\s\-\u2010-\u2015\u2212]/g, "");
  return alphabet === "numeric" ? compact : compact.toUpperCase();
}
