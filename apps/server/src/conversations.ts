import type { ConversationAuth, Directory } from "@otpkit/conversation-auth";
import {
  CONVERSATION_OTP_OPTIONS,
  createConversationAuth,
  createHubSpotDirectory,
} from "@otpkit/conversation-auth";
import type { CountryCode } from "@otpkit/hubspot-adapter";
import type { Otp, OtpOptions } from "@otpkit/otp-core";
import { createOtp, isOtpError } from "@otpkit/otp-core";
import type { Config } from "./config.js";
import { ConfigError } from "./config-error.js";
import type { HubSpotRuntime } from "./hubspot-runtime.js";

/** The conversation flow of seed 004 for each API key (`/api/v1/conversations`). */
export interface Conversations {
  /** The flow of one API key: its subjects and conversations are its own. */
  forKey(apiKeyId: string): ConversationAuth;
  close(): Promise<void>;
}

/** What {@link createConversations} needs from the runtime. */
export interface ConversationsOptions {
  directory: Directory;
  defaultCountry: string;
  /** Every start answers the neutral reply, never the masked destination (seed 004 names it). */
  hideDestination?: boolean;
  /** A session ends this long after its last activity. @default the library's (30 minutes) */
  inactivityMs?: number;
  /**
   * The server's engine options (store, secrets, naming key, channels, clock, event sink, and the
   * send policy: the quota per destination and the phone countries).
   */
  engine: Pick<
    OtpOptions,
    | "store"
    | "secrets"
    | "namingKey"
    | "channels"
    | "now"
    | "events"
    | "onSinkError"
    | "destinationQuota"
    | "phoneCountries"
    | "phoneCountryOf"
  >;
  /** The engine as one API key uses it (the server's send quota per key). @default the engine */
  forKey?: (otp: Otp, apiKeyId: string) => Otp;
}

/**
 * One conversation engine over the server's store and channels, with the library's policy
 * (6 digits, 5 minutes, 3 attempts) rather than the generic API's OTP_* settings.
 *
 * @throws {OtpError} `CONFIG_INVALID` for a bad option (for instance an unknown default country).
 * @example
 * const conversations = createConversations({ directory, defaultCountry: "US", engine });
 * await conversations.forKey(apiKey.id).start({ conversationId: "c1", identifier: "4721" });
 */
export function createConversations(options: ConversationsOptions): Conversations {
  const otp: Otp = createOtp({ ...CONVERSATION_OTP_OPTIONS, ...options.engine });
  const byKey = new Map<string, ConversationAuth>();
  const build = (tenant: string, engine: Otp) =>
    createConversationAuth({
      otp: engine,
      store: options.engine.store,
      directory: options.directory,
      defaultCountry: options.defaultCountry as CountryCode,
      tenant,
      hideDestination: options.hideDestination === true,
      ...(options.inactivityMs ? { session: { inactivityMs: options.inactivityMs } } : {}),
      ...(options.engine.now ? { now: options.engine.now } : {}),
    });
  build("default", otp); // checks the options now, at start, not at the first request
  return {
    forKey(apiKeyId) {
      // Each API key is its own tenant. `key.<id>` cannot meet the generic API's `key:<id>:…`
      // subjects, so a conversation never shares a record (attempts, locks) with an API verification.
      let auth = byKey.get(apiKeyId);
      if (!auth) {
        auth = build(`key.${apiKeyId}`, options.forKey?.(otp, apiKeyId) ?? otp);
        byKey.set(apiKeyId, auth);
      }
      return auth;
    },
    close: () => otp.close(),
  };
}

/**
 * The directory the configuration names: the JSON file (read by loadConfig), the contacts of
 * CONVERSATION_HUBSPOT_PORTAL_ID through the HubSpot app's CRM client for that portal (its OAuth
 * tokens, its 5 searches/second limiter), or null for no conversations.
 *
 * @throws {OtpError} `CONFIG_INVALID` for a bad default country (the runtime names the variable).
 * @example
 * const directory = conversationDirectoryOf(config, rt.hubspot); // null: /mcp answers 404
 */
export function conversationDirectoryOf(
  config: Config,
  hubspot: HubSpotRuntime | null,
): Directory | null {
  if (config.conversationDirectory) return config.conversationDirectory;
  if (!config.CONVERSATION_HUBSPOT_PORTAL_ID || !hubspot) return null;
  return createHubSpotDirectory({
    crm: hubspot.app.crmFor(Number(config.CONVERSATION_HUBSPOT_PORTAL_ID)),
    property: config.CONVERSATION_IDENTIFIER_FIELD,
    defaultCountry: config.CONVERSATION_DEFAULT_COUNTRY as CountryCode,
  });
}

/**
 * The conversations the configuration asks for, over the server's engine parts; null when no
 * directory is configured. Built after the HubSpot app: a HubSpot directory searches through it.
 *
 * @throws {ConfigError} CONVERSATION_DEFAULT_COUNTRY, when the library refuses the country.
 * @example
 * const conversations = conversationsOf(config, hubspot, { store, secrets, namingKey, channels });
 */
export function conversationsOf(
  config: Config,
  hubspot: HubSpotRuntime | null,
  engine: ConversationsOptions["engine"],
  forKey?: ConversationsOptions["forKey"],
): Conversations | null {
  try {
    const directory = conversationDirectoryOf(config, hubspot);
    if (!directory) return null;
    return createConversations({
      directory,
      defaultCountry: config.CONVERSATION_DEFAULT_COUNTRY,
      hideDestination: config.CONVERSATION_HIDE_DESTINATION,
      inactivityMs: config.CONVERSATION_SESSION_INACTIVITY_MINUTES * 60_000,
      engine,
      ...(forKey ? { forKey } : {}),
    });
  } catch (error) {
    if (isOtpError(error) && error.field === "defaultCountry") {
      throw new ConfigError(
        "CONVERSATION_DEFAULT_COUNTRY",
        "Invalid CONVERSATION_DEFAULT_COUNTRY: use an ISO 3166-1 alpha-2 country code such as US or MX.",
      );
    }
    throw error;
  }
}
