import type { CodePolicy } from "@otpkit/otp-core";
import { normalizeCode } from "@otpkit/otp-core";

/** Longest chat message looked at: a code never needs more. */
const MAX_TEXT_LENGTH = 1_000;

/**
 * The code in a chat message, or `null` when there is none: "The code is 483921", "my code is
 * 48 39 21" and "483-921" give `"483921"`; "hello", "4721" (too short) and a message with two
 * different code-length numbers give `null`. Groups of symbols separated by single spaces, dashes
 * or dots are joined (each part is also a candidate); the one candidate with the policy's
 * length is the code.
 *
 * Why a message without exactly one candidate is `null` and not a guess: a wrong guess built from
 * the user's other words would spend one of their three attempts.
 *
 * @param text What the user wrote.
 * @param policy The engine's code policy (`otp.policy`): alphabet and length.
 * @returns The normalised code, or `null`.
 * @example
 * ```ts
 * extractCode("my code is 48 39 21", otp.policy); // "483921"
 * extractCode("hello", otp.policy); // null
 * ```
 */
export function extractCode(
  text: string,
  policy: Pick<CodePolicy, "alphabet" | "symbols" | "length">,
): string | null {
  if (typeof text !== "string" || text.length > MAX_TEXT_LENGTH) return null;
  const symbol =
    policy.alphabet === "numeric"
      ? "\\d"
      : `[${escapeClass(policy.symbols + policy.symbols.toLowerCase())}]`;
  const group = new RegExp(
    `(?<![\\p{L}\\p{N}])${symbol}+(?:[ .\\-]${symbol}+)*(?![\\p{L}\\p{N}])`,
    "gu",
  );
  const candidates = new Set<string>();
  for (const [match] of text.matchAll(group)) {
    // The whole group ("48 39 21"), and each of its parts ("483921 483921").
    for (const part of [match, ...match.split(/[ .-]/)]) {
      const code = normalizeCode(part.replace(/[ .]/g, ""), policy.alphabet);
      if (code.length === policy.length) candidates.add(code);
    }
  }
  return candidates.size === 1 ? ([...candidates][0] as string) : null;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, "\\$&");
}
