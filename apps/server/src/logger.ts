import type { Logger } from "pino";
import pino from "pino";

/**
 * Structured JSON logs. Redaction is configuration, not discipline: any field with these names is
 * replaced wherever it appears, so a code or a secret that reaches a log call never reaches the log.
 */
export const REDACT_PATHS = [
  "code",
  "*.code",
  "*.*.code",
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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "otpkit-server" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
