import type { AlphabetName } from "./alphabet.js";
import { ALPHABETS } from "./alphabet.js";
import { aint, configError } from "./assert.js";
import { OTP_DEFAULTS, OTP_LIMITS } from "./defaults.js";

/** What a code looks like. */
export interface CodePolicyOptions {
  /** Which symbols. @default "numeric" */
  alphabet?: AlphabetName;
  /** How many symbols, 4..10 (4, 6 and 8 are the usual choices). @default 6 */
  length?: number;
  /**
   * Accept a policy below 20 bits of entropy (4 digits, 4 letters). OWASP ASVS 6.5.4 and
   * NIST 800-63B ask for at least 20 bits; set this only when you know why.
   * @default false
   */
  allowWeak?: boolean;
}

/** A validated code policy. */
export interface CodePolicy {
  readonly alphabet: AlphabetName;
  readonly symbols: string;
  readonly length: number;
  /** Entropy in bits: `length * log2(symbols)`. 6 digits = 19.93, 6 alphanumeric = 30. */
  readonly bits: number;
  /** HTML `inputmode` that brings up the right keyboard for this alphabet. */
  readonly inputMode: "numeric" | "text";
}

/** The strength floor: OWASP ASVS 5.0 6.5.4 asks for >= 20 bits ("6 random digits is typically sufficient"). */
export const MIN_BITS = 20;
// Six digits carry 19.93 bits, which ASVS names as sufficient: allow the rounding.
const BITS_TOLERANCE = 0.1;

/**
 * Validates a code policy and works out its entropy.
 *
 * @param options Alphabet, length, and whether weak policies are allowed.
 * @returns The frozen policy with its `bits`.
 * @throws {OtpError} `CONFIG_INVALID` naming the field, for an unknown alphabet, a length outside
 *   4..10, or a policy under 20 bits without `allowWeak`.
 * @example
 * ```ts
 * createCodePolicy({ alphabet: "alphanumeric", length: 6 }).bits; // 30
 * ```
 */
export function createCodePolicy(options: CodePolicyOptions = {}): CodePolicy {
  const alphabet = options.alphabet ?? OTP_DEFAULTS.code.alphabet;
  if (!(alphabet in ALPHABETS)) {
    throw configError("alphabet", `one of ${Object.keys(ALPHABETS).join(", ")}`, alphabet);
  }
  const length = aint(
    "length",
    options.length ?? OTP_DEFAULTS.code.length,
    ...OTP_LIMITS.codeLength,
  );
  const symbols = ALPHABETS[alphabet];
  const bits = length * Math.log2(symbols.length);
  if (bits < MIN_BITS - BITS_TOLERANCE && options.allowWeak !== true) {
    throw configError(
      "length",
      `a code of at least ${MIN_BITS} bits`,
      `${length} ${alphabet} symbols (${bits.toFixed(1)} bits)`,
      "use 6+ digits or 6+ letters, or set allowWeak: true to accept a weaker code knowingly",
    );
  }
  return Object.freeze({
    alphabet,
    symbols,
    length,
    bits,
    inputMode: alphabet === "numeric" ? "numeric" : "text",
  });
}
