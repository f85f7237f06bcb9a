// The value types of the server's environment variables: each parses one string and, when it
// cannot, says how to write it (loadConfig prefixes "Invalid <VARIABLE>: ").

import type { AlphabetName } from "@otpkit/otp-core";
import { ALPHABETS, OTP_PHONE_REGIONS } from "@otpkit/otp-core";
import * as z from "zod";

export const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: 'use "true" or "false"' })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const PROXIES_ERROR = 'use "false", "true" (one proxy) or how many proxies stand in front (1-10)';
/** TRUST_PROXY: how many proxies append to X-Forwarded-For in front of the server. */
export const proxies = z.string().transform((value, ctx) => {
  const v = value.trim().toLowerCase();
  if (["false", "0", "no"].includes(v)) return 0;
  if (["true", "yes"].includes(v)) return 1;
  const n = /^[0-9]{1,2}$/.test(v) ? Number(v) : Number.NaN;
  if (n >= 1 && n <= 10) return n;
  ctx.addIssue(PROXIES_ERROR);
  return z.NEVER;
});

export const int = (min: number, max: number) =>
  z.coerce
    .number({ error: `use a whole number between ${min} and ${max}` })
    .int({ error: `use a whole number between ${min} and ${max}` })
    .min(min, { error: `use a whole number between ${min} and ${max}` })
    .max(max, { error: `use a whole number between ${min} and ${max}` });

/**
 * An engine range in milliseconds as whole `unit`s (seconds, minutes), with the engine's default:
 * the numbers come from otp-core's OTP_LIMITS / OTP_DEFAULTS, never restated here.
 */
export const engineInt = (
  [minMs, maxMs]: readonly [number, number],
  unitMs: number,
  defaultMs: number,
) => int(Math.ceil(minMs / unitMs), Math.floor(maxMs / unitMs)).default(defaultMs / unitMs);

export const SECOND = 1000;
export const MINUTE = 60_000;

export const url = (protocols: readonly string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `use a ${protocols.join(" or ")} URL such as ${example}` },
  );

export const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

export const templateName = z.string().regex(/^[a-z0-9_]{1,512}$/, {
  error: "use the template name as approved in WhatsApp Manager (a-z, 0-9, _)",
});

/**
 * A list of ISO 3166-1 alpha-2 regions with a phone calling code (otp-core's table, not a copy),
 * upper-cased: `US,mx` is `["US", "MX"]`.
 */
export const countries = list.transform((codes, ctx) => {
  const upper = codes.map((code) => code.toUpperCase());
  const unknown = upper.find((code) => !(code in OTP_PHONE_REGIONS));
  if (unknown === undefined) return upper;
  ctx.addIssue(
    `"${unknown}" is not a country code with a phone calling code; use ISO 3166-1 alpha-2 codes separated by commas, such as US,MX,ES`,
  );
  return z.NEVER;
});

/** otp-core's alphabets, by name: the choices of OTP_CODE_ALPHABET (never restated here). */
export const ALPHABET_NAMES = Object.keys(ALPHABETS) as [AlphabetName, ...AlphabetName[]];

/** `a, b or c`: choices as an error message lists them. */
export function orList(choices: readonly string[]): string {
  return choices.length < 2
    ? choices.join("")
    : `${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`;
}
