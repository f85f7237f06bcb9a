import { ALPHABETS } from "@otpkit/otp-core";
import type { Env } from "./config.js";
import { ConfigError } from "./config-error.js";

// TEST_RECIPIENTS: store reviewers and end-to-end suites get a fixed code and no delivery.

/** Checks the patterns and the fixed code; returns the code to use (TEST_CODE or its default). */
export function checkTestRecipients(c: Env, patterns: readonly string[]): string {
  for (const pattern of patterns) {
    if (!/^(\+\d{4,15}|[^@\s]+@[^@\s]+|\*@[^@\s]+)$/.test(pattern)) {
      throw new ConfigError(
        "TEST_RECIPIENTS",
        `Invalid TEST_RECIPIENTS: "${pattern}" is not a phone (+15550100), an address (qa@example.test) or a domain pattern (*@example.test).`,
      );
    }
  }
  const length = c.OTP_CODE_LENGTH;
  const code =
    c.TEST_CODE ?? (c.OTP_CODE_ALPHABET === "numeric" ? "0".repeat(length) : "A".repeat(length));
  const symbols: string = ALPHABETS[c.OTP_CODE_ALPHABET];
  const canonical = c.OTP_CODE_ALPHABET === "numeric" ? code : code.toUpperCase();
  if (code.length !== length || [...canonical].some((symbol) => !symbols.includes(symbol))) {
    throw new ConfigError(
      "TEST_CODE",
      `Invalid TEST_CODE: use ${length} symbols of the ${c.OTP_CODE_ALPHABET} alphabet (OTP_CODE_LENGTH).`,
    );
  }
  return code;
}

/** True when `recipient` matches a TEST_RECIPIENTS pattern (exact phone/address or `*@domain`). */
export function matchesTestRecipient(
  patterns: readonly string[],
  recipient: { email?: string; phone?: string },
): boolean {
  const email = recipient.email?.toLowerCase();
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith("+")) return recipient.phone === p;
    if (p.startsWith("*@")) return email?.endsWith(p.slice(1)) === true;
    return email === p;
  });
}
