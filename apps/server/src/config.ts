import type { Directory } from "@otpkit/conversation-auth";
import { SESSION_LIMITS } from "@otpkit/conversation-auth";
import { hasControlCharacters } from "@otpkit/delivery-email";
import { OTP_DEFAULTS, OTP_LIMITS } from "@otpkit/otp-core";
import {
  checkCodePolicy,
  checkConversationDirectory,
  checkPairs,
  checkProduction,
  loadDirectoryFile,
} from "./config-checks.js";
import { ConfigError } from "./config-error.js";
import { resolveDataDir } from "./data-dir.js";
import { API_KEY_CACHE_DEFAULTS } from "./db/api-keys.js";
import { SEND_POLICY_ENV } from "./send-policy-env.js";
import { checkTestRecipients } from "./test-recipients.js";
import { CHANNEL_ENV } from "./wiring/channel-registry.js";
import { checkSendPolicy } from "./wiring/engine.js";

export { ConfigError } from "./config-error.js";

import * as z from "zod";
import {
  ALPHABET_NAMES,
  bool,
  engineInt,
  int,
  list,
  MINUTE,
  orList,
  proxies,
  SECOND,
  url,
} from "./config-values.js";

/**
 * Every environment variable the server reads, in one schema. A bad or missing value stops the
 * start with one message naming the variable and the fix (see {@link loadConfig}). Secrets are
 * never echoed: messages show their length at most.
 */

/** The documented variables, their defaults and their fixes. The README table mirrors this. */
export const envSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], { error: "use development, production or test" })
    .default("development"),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: url(["http:", "https:"], "https://otp.example.com").optional(),
  DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "use fatal, error, warn, info, debug, trace or silent",
    })
    .default("info"),
  LOG_FORMAT: z
    .enum(["auto", "json", "pretty"], { error: "use auto, json or pretty" })
    .default("auto"),
  OTPKIT_SECRETS: z
    .string()
    .refine((v) => parseSecrets(v) !== null, {
      error:
        "use id:secret pairs separated by commas, each secret 32+ characters (openssl rand -base64 48)",
    })
    .optional(),
  OTP_NAMING_KEY: z
    .string()
    .min(32, {
      error:
        "use 32+ random characters (openssl rand -base64 48), generated once and never changed",
    })
    .optional(),
  TRUST_PROXY: proxies.default(0),

  REDIS_URL: url(["redis:", "rediss:"], "redis://127.0.0.1:6379").optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .min(1)
    .max(64)
    // Redis Cluster hashes the first {…} of a key: a brace in the prefix would put every
    // subject's record in one slot (the Redis store refuses it; say so with the variable's name).
    .regex(/^[^{}]*$/, { error: "leave out { and }, e.g. otpkit:" })
    .default("otpkit:"),
  DATABASE_URL: url(
    ["postgres:", "postgresql:"],
    "postgres://user@127.0.0.1:5432/otpkit",
  ).optional(),

  // In e-mail subjects and the dev outbox's sender name: one line (the e-mail channel refuses
  // control characters there, and would stop the start naming its own option, not this one).
  PRODUCT_NAME: z
    .string()
    .min(1)
    .max(64)
    .refine((v) => v.trim() !== "" && !hasControlCharacters(v), {
      error: 'use your product\'s name on one line, e.g. PRODUCT_NAME="Acme"',
    })
    .default("otpkit"),
  SUPPORT_CONTACT: z.string().min(1).max(200).optional(),

  // Each channel's own variables, registered once with the channel (wiring/channel-registry.ts).
  ...CHANNEL_ENV,

  HUBSPOT_CLIENT_ID: z
    .string()
    .min(8, { error: "use the client id from the HubSpot app's Auth tab" })
    .optional(),
  HUBSPOT_CLIENT_SECRET: z
    .string()
    .min(8, { error: "use the client secret from the HubSpot app's Auth tab" })
    .optional(),
  HUBSPOT_APP_ID: z
    .string()
    .regex(/^\d+$/, { error: "use the numeric app id from the HubSpot developer account" })
    .optional(),
  HUBSPOT_REDIRECT_URL: url(
    ["http:", "https:"],
    "https://otp.example.com/hubspot/oauth/callback",
  ).optional(),
  HUBSPOT_API_BASE_URL: url(["http:", "https:"], "https://api.hubapi.com").default(
    "https://api.hubapi.com",
  ),
  HUBSPOT_AUTH_BASE_URL: url(["http:", "https:"], "https://app.hubspot.com").default(
    "https://app.hubspot.com",
  ),

  OTP_CODE_ALPHABET: z
    .enum(ALPHABET_NAMES, { error: `use ${orList(ALPHABET_NAMES)}` })
    .default(OTP_DEFAULTS.code.alphabet),
  OTP_CODE_LENGTH: int(...OTP_LIMITS.codeLength).default(OTP_DEFAULTS.code.length),
  OTP_TTL_SECONDS: engineInt(OTP_LIMITS.ttlMs, SECOND, OTP_DEFAULTS.ttlMs),
  OTP_ALLOW_LONG_TTL: bool.default(false),
  OTP_MAX_ATTEMPTS: int(...OTP_LIMITS.maxAttempts).default(OTP_DEFAULTS.maxAttempts),
  OTP_LOCKOUT_MAX_FAILURES: int(...OTP_LIMITS.maxFailures).default(
    OTP_DEFAULTS.lockout.maxFailures,
  ),
  OTP_LOCKOUT_MINUTES: engineInt(
    OTP_LIMITS.lockDurationMs,
    MINUTE,
    OTP_DEFAULTS.lockout.durationMs,
  ),
  OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES: int(...OTP_LIMITS.maxConsecutiveFailures).default(
    OTP_DEFAULTS.lockout.maxConsecutiveFailures,
  ),
  OTP_RESEND_COOLDOWN_SECONDS: engineInt(
    OTP_LIMITS.cooldownMs,
    SECOND,
    OTP_DEFAULTS.resend.cooldownMs,
  ),
  OTP_MAX_SENDS_PER_HOUR: int(...OTP_LIMITS.maxSends).default(OTP_DEFAULTS.resend.maxSends),
  OTP_STORAGE: z
    .enum(["hash", "encrypted"], { error: "use hash or encrypted" })
    .default(OTP_DEFAULTS.storage),
  OTP_RETRY_ON_FAILURE: bool.default(OTP_DEFAULTS.retryOnFailure),
  ...SEND_POLICY_ENV,

  TEST_RECIPIENTS: list.optional(),
  TEST_CODE: z.string().optional(),
  ALLOW_TEST_RECIPIENTS_IN_PRODUCTION: bool.default(false),
  ALLOW_DEV_OUTBOX_IN_PRODUCTION: bool.default(false),
  RETURN_URL_ALLOWLIST: list.default([]),
  HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: int(1, 10_000).default(30),
  API_BODY_LIMIT_BYTES: int(256, 1_048_576).default(16_384),
  // How long a live API key is trusted without a database read (db/api-key-cache.ts); a key
  // revoked with `otpkit keys revoke` ends at once in every process all the same.
  API_KEY_CACHE_TTL_MS: int(0, 300_000).default(API_KEY_CACHE_DEFAULTS.cacheTtlMs),
  // On SIGTERM, how long the server goes on answering (with /readyz at 503) before it closes its
  // listening socket: connections the kernel already queued are served, not reset.
  SHUTDOWN_DRAIN_MS: int(0, 60_000).default(1_000),

  CONVERSATION_DIRECTORY_FILE: z.string().min(1).optional(),
  CONVERSATION_IDENTIFIER_FIELD: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: "use a field name of the records, such as employee" })
    .default("id"),
  CONVERSATION_DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: "use an ISO 3166-1 alpha-2 country code such as US or MX" })
    .default("US"),
  CONVERSATION_HUBSPOT_PORTAL_ID: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, {
      error: "use the numeric id of the HubSpot account (portal) whose contacts are the directory",
    })
    .optional(),
  CONVERSATION_HIDE_DESTINATION: bool.default(false),
  CONVERSATION_SESSION_INACTIVITY_MINUTES: engineInt(
    [SESSION_LIMITS.inactivityMs.min, SESSION_LIMITS.inactivityMs.max],
    MINUTE,
    SESSION_LIMITS.inactivityMs.default,
  ),
});

/** The validated configuration. */
/** The environment as parsed by {@link envSchema}, before the cross-variable checks. */
export type Env = z.infer<typeof envSchema>;

export type Config = Omit<Env, "DATA_DIR"> & {
  /** Absolute: relative values are taken from where the command was typed (see data-dir.ts). */
  DATA_DIR: string;
  publicUrl: string;
  /**
   * Whether channels without a real provider write to the dev outbox. Always in development; in
   * production only with ALLOW_DEV_OUTBOX_IN_PRODUCTION (and the /dev/outbox page is never
   * served in production: the files hold live codes).
   */
  outboxAllowed: boolean;
  /**
   * The people the conversation endpoints identify (CONVERSATION_DIRECTORY_FILE, read once at
   * start), or null: HubSpot contacts (CONVERSATION_HUBSPOT_PORTAL_ID, built by the runtime), or
   * none, and then `/api/v1/conversations` and `/mcp` answer 404.
   */
  conversationDirectory: Directory | null;
  secrets: Array<{ id: string; key: string }> | null;
  /** OTP_NAMING_KEY; null in development, where the runtime keeps one in DATA_DIR. */
  namingKey: string | null;
};

/** Parses `id:secret,id:secret`; null when malformed. The first pair protects new codes. */
export function parseSecrets(value: string): Array<{ id: string; key: string }> | null {
  const pairs = value.split(",").map((p) => p.trim());
  const out: Array<{ id: string; key: string }> = [];
  for (const pair of pairs) {
    const at = pair.indexOf(":");
    const id = pair.slice(0, at);
    const key = pair.slice(at + 1);
    if (at <= 0 || !/^[A-Za-z0-9_.-]{1,32}$/.test(id) || key.length < 32) return null;
    out.push({ id, key });
  }
  return out.length > 0 ? out : null;
}

/**
 * Validates the environment. Throws {@link ConfigError} for the first problem, worded for a
 * person reading a terminal: `Invalid OTP_CODE_LENGTH: use a whole number between 4 and 10.`
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset: `FOO= pnpm start` should not be an error.
  const input = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    throw new ConfigError(variable, `Invalid ${variable}: ${issue.message}.`);
  }
  const c = parsed.data;

  checkPairs(c);
  if (c.NODE_ENV === "production") checkProduction(c);
  checkCodePolicy(c);
  checkSendPolicy(c);
  if (c.TEST_RECIPIENTS) c.TEST_CODE = checkTestRecipients(c, c.TEST_RECIPIENTS);
  // Stored as origins (no trailing slash): a returnUrl is allowed when its origin is in the list.
  c.RETURN_URL_ALLOWLIST = c.RETURN_URL_ALLOWLIST.map((origin) => {
    try {
      const u = new URL(origin);
      if (u.origin !== origin.replace(/\/$/, "")) throw new Error("not an origin");
      return u.origin;
    } catch {
      throw new ConfigError(
        "RETURN_URL_ALLOWLIST",
        `Invalid RETURN_URL_ALLOWLIST: "${origin}" is not an origin; use comma-separated origins such as https://app.example.com.`,
      );
    }
  });
  checkConversationDirectory(c, "CONVERSATION_IDENTIFIER_FIELD" in input);
  const conversationDirectory = c.CONVERSATION_DIRECTORY_FILE
    ? loadDirectoryFile(c.CONVERSATION_DIRECTORY_FILE, c.CONVERSATION_IDENTIFIER_FIELD)
    : null;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, "");
  const outboxAllowed = c.NODE_ENV !== "production" || c.ALLOW_DEV_OUTBOX_IN_PRODUCTION;
  return {
    ...c,
    DATA_DIR: resolveDataDir(c.DATA_DIR, env),
    publicUrl,
    outboxAllowed,
    secrets: c.OTPKIT_SECRETS ? parseSecrets(c.OTPKIT_SECRETS) : null,
    namingKey: c.OTP_NAMING_KEY ?? null,
    conversationDirectory,
  };
}
