import type { CountryCode } from "@otpkit/hubspot-adapter";
import { parsePhone } from "@otpkit/hubspot-adapter";
import type { Otp, OtpStore } from "@otpkit/otp-core";
import { configError, intOption } from "@otpkit/otp-core";
import type { Directory } from "./directory.js";
import type { MessageOverrides } from "./messages.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The code policy of seed 004, for the engine you pass as `otp`: 6 digits, 5 minutes, 3 attempts.
 *
 * @example
 * ```ts
 * const otp = createOtp({ ...CONVERSATION_OTP_OPTIONS, store, secrets, namingKey, channels });
 * ```
 */
export const CONVERSATION_OTP_OPTIONS = Object.freeze({
  code: Object.freeze({ alphabet: "numeric" as const, length: 6 }),
  ttlMs: 5 * MINUTE,
  maxAttempts: 3,
});

/**
 * Session limits, ms: defaults and the accepted ranges (`session.absoluteMs` at most 24 h).
 *
 * @example
 * ```ts
 * SESSION_LIMITS.absoluteMs.max; // 86400000
 * ```
 */
export const SESSION_LIMITS = Object.freeze({
  inactivityMs: Object.freeze({ default: 30 * MINUTE, min: MINUTE, max: 24 * HOUR }),
  absoluteMs: Object.freeze({ default: 24 * HOUR, min: MINUTE, max: 24 * HOUR }),
});

/** Options for {@link createConversationAuth}. */
export interface ConversationAuthOptions {
  /** The otp-core engine, with a WhatsApp channel (`name: "whatsapp"`) and/or an e-mail channel (`name: "email"`). */
  otp: Otp;
  /** Where conversation records live: the engine's store, so sessions hold across processes. */
  store: OtpStore;
  /** Finds the person behind an identifier. */
  directory: Directory;
  /** The channel for a record with both a phone and an e-mail address. @default "whatsapp" */
  channelPreference?: "whatsapp" | "email";
  /** The country of phone numbers written without a country code (`"US"`, `"MX"`). */
  defaultCountry: CountryCode;
  /**
   * Namespaces otp-core subjects (`<tenant>:<record id>`) and conversation records, so two tenants
   * sharing a store never meet. Letters, digits, `.`, `_`, `-`; 1..64 characters. @default "default"
   */
  tenant?: string;
  /** The otp-core purpose of these codes. @default "conversation" */
  purpose?: string;
  /** Session limits, ms. */
  session?: {
    /** A session ends this long after the last activity (sliding). @default 1800000 (30 min) */
    inactivityMs?: number;
    /** A session ends this long after verification, whatever the activity. At most 24 h. @default 86400000 */
    absoluteMs?: number;
  };
  /** Operator overrides per language (`{ es: { verified: "¡Listo!" } }`). */
  messages?: MessageOverrides;
  /** The language when neither the call nor the record names one. @default "en" */
  defaultLocale?: string;
  /**
   * Do not name the masked destination: every start answers `codeSentGeneric`, so the reply is
   * the same for a known and an unknown identifier. @default false (seed 004 names it)
   */
  hideDestination?: boolean;
  /** The clock, epoch ms (use the engine's). @default Date.now */
  now?: () => number;
}

/** The options after checking, with defaults applied. */
export interface ResolvedOptions {
  otp: Otp;
  store: OtpStore;
  directory: Directory;
  channelPreference: "whatsapp" | "email";
  defaultCountry: CountryCode;
  tenant: string;
  purpose: string;
  inactivityMs: number;
  absoluteMs: number;
  messages: MessageOverrides;
  defaultLocale: string;
  hideDestination: boolean;
  now: () => number;
}

const SOURCE = { source: "conversation-auth" } as const;
const TENANT = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Checks every option once and applies the defaults.
 *
 * @param options What the caller passed to `createConversationAuth`.
 * @returns The options, complete.
 * @throws {OtpError} `CONFIG_INVALID` naming the field at fault.
 * @example
 * ```ts
 * const o = resolveOptions({ otp, store, directory, defaultCountry: "US" }); // o.absoluteMs === 86400000
 * ```
 */
export function resolveOptions(options: ConversationAuthOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options, undefined, SOURCE);
  }
  const { otp, store, directory } = options;
  if (typeof otp?.issue !== "function" || typeof otp.verify !== "function") {
    throw configError("otp", "an otp-core engine (createOtp)", otp, undefined, SOURCE);
  }
  if (typeof store?.get !== "function" || typeof store.compareAndSet !== "function") {
    throw configError("store", "an OtpStore", store, undefined, SOURCE);
  }
  if (typeof directory?.find !== "function") {
    throw configError("directory", "a Directory (find(identifier))", directory, undefined, SOURCE);
  }
  const channelPreference = options.channelPreference ?? "whatsapp";
  if (channelPreference !== "whatsapp" && channelPreference !== "email") {
    throw configError(
      "channelPreference",
      '"whatsapp" or "email"',
      channelPreference,
      undefined,
      SOURCE,
    );
  }
  try {
    parsePhone("", options.defaultCountry);
  } catch {
    const expected = 'an ISO 3166-1 alpha-2 code ("US")';
    throw configError("defaultCountry", expected, options.defaultCountry, undefined, SOURCE);
  }
  const tenant = options.tenant ?? "default";
  if (typeof tenant !== "string" || !TENANT.test(tenant)) {
    throw configError(
      "tenant",
      "1..64 letters, digits, '.', '_' or '-'",
      tenant,
      undefined,
      SOURCE,
    );
  }
  const purpose = options.purpose ?? "conversation";
  if (typeof purpose !== "string" || purpose === "" || purpose.length > 64) {
    throw configError("purpose", "a string of 1..64 characters", purpose, undefined, SOURCE);
  }
  const { inactivityMs: inactivity, absoluteMs: absolute } = SESSION_LIMITS;
  const session = options.session ?? {};
  const inactivityMs = intOption(
    "session.inactivityMs",
    session.inactivityMs ?? inactivity.default,
    inactivity.min,
    inactivity.max,
    SOURCE,
  );
  // Seed 004: "an absolute 24-hour limit". A longer one is refused, not clamped.
  const absoluteMs = intOption(
    "session.absoluteMs",
    session.absoluteMs ?? absolute.default,
    absolute.min,
    absolute.max,
    SOURCE,
  );
  const messages = options.messages === undefined ? {} : options.messages;
  if (typeof messages !== "object" || messages === null) {
    throw configError(
      "messages",
      "an object of overrides per language",
      messages,
      undefined,
      SOURCE,
    );
  }
  const defaultLocale = options.defaultLocale ?? "en";
  if (typeof defaultLocale !== "string" || defaultLocale === "") {
    throw configError("defaultLocale", 'a language tag ("en")', defaultLocale, undefined, SOURCE);
  }
  const now = options.now ?? Date.now;
  if (typeof now !== "function") {
    throw configError("now", "a function () => epoch ms", now, undefined, SOURCE);
  }
  return {
    otp,
    store,
    directory,
    channelPreference,
    defaultCountry: options.defaultCountry,
    tenant,
    purpose,
    inactivityMs,
    absoluteMs,
    messages,
    defaultLocale,
    hideDestination: options.hideDestination === true,
    now,
  };
}
