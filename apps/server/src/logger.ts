import type { Logger } from "pino";
import pino from "pino";

/**
 * Structured JSON logs. Redaction is configuration, not discipline: any field with these names is
 * replaced wherever it appears, so a secret that reaches a log call never reaches the log. A
 * `code` field is hidden at any depth by {@link hideCodes}, except an error's own code.
 */
export const REDACT_PATHS = [
  "secret",
  "*.secret",
  "token",
  "*.token",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "*.headers.cookie",
  "cookie",
  "accessToken",
  "*.accessToken",
  "smtpUrl",
];

const CENSORED = "[redacted]";
// Where `code` is an error's code (`err.code` = ECONNREFUSED, `error.code` = STORE_UNAVAILABLE):
// operators need it to see why a request failed, and no one-time code is ever put there. pino's
// path redaction cannot tell `err.code` from `request.code` (a wildcard hides both), hence this.
const ERROR_KEYS = new Set(["err", "error"]);
const MAX_DEPTH = 8;

/**
 * A copy of a log entry with every `code` field hidden, at any depth, except the `code` directly
 * inside `err` or `error`. Error instances are left to pino's error serializer.
 *
 * @throws {never} Plain data in, plain data out.
 * @example
 * hideCodes({ request: { code: "482913" }, err: { code: "ECONNREFUSED" } });
 * // { request: { code: "[redacted]" }, err: { code: "ECONNREFUSED" } }
 */
export function hideCodes(value: unknown, parentKey: string | null = null, depth = 0): unknown {
  if (typeof value !== "object" || value === null || value instanceof Error) return value;
  if (depth >= MAX_DEPTH) return CENSORED;
  if (Array.isArray(value)) return value.map((item) => hideCodes(item, null, depth + 1));
  const keepCode = parentKey !== null && ERROR_KEYS.has(parentKey);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = key === "code" && !keepCode ? CENSORED : hideCodes(item, key, depth + 1);
  }
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "otpkit-server" },
      redact: { paths: REDACT_PATHS, censor: CENSORED },
      formatters: { log: (entry) => hideCodes(entry) as Record<string, unknown> },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
