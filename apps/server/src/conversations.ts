import type { ConversationAuth, Directory } from "@otpkit/conversation-auth";
import { CONVERSATION_OTP_OPTIONS, createConversationAuth } from "@otpkit/conversation-auth";
import type { CountryCode } from "@otpkit/hubspot-adapter";
import type { Otp, OtpOptions } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";

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
  /** The server's engine options (store, secrets, naming key, channels, clock, event sink). */
  engine: Pick<
    OtpOptions,
    "store" | "secrets" | "namingKey" | "channels" | "now" | "events" | "onSinkError"
  >;
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
  const build = (tenant: string) =>
    createConversationAuth({
      otp,
      store: options.engine.store,
      directory: options.directory,
      defaultCountry: options.defaultCountry as CountryCode,
      tenant,
      ...(options.engine.now ? { now: options.engine.now } : {}),
    });
  build("default"); // checks the options now, at start, not at the first request
  return {
    forKey(apiKeyId) {
      // Each API key is its own tenant. `key.<id>` cannot meet the generic API's `key:<id>:…`
      // subjects, so a conversation never shares a record (attempts, locks) with an API verification.
      let auth = byKey.get(apiKeyId);
      if (!auth) {
        auth = build(`key.${apiKeyId}`);
        byKey.set(apiKeyId, auth);
      }
      return auth;
    },
    close: () => otp.close(),
  };
}
