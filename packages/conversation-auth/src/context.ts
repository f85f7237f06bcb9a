import { argumentError } from "@otpkit/otp-core";
import type { ConversationMessages } from "./messages.js";
import { fill, messagesFor } from "./messages.js";
import type { ConversationAuthOptions, ResolvedOptions } from "./options.js";
import { CONVERSATION_OTP_OPTIONS, resolveOptions } from "./options.js";
import type { SessionStore } from "./session-store.js";
import { createSessionStore } from "./session-store.js";
import type { ConversationResult, ConversationState } from "./types.js";

/**
 * How long an ended-by-time record stays readable, so the agent can say "your session has
 * expired" / "the code has expired" instead of "nothing in progress". It never extends a session.
 */
export const NOTICE_MS = 15 * 60_000;

/** Where this package's errors say they come from. */
export const SOURCE = { source: "conversation-auth" } as const;

/** What every step of one conversation-auth shares: its options, its records and its replies. */
export interface ConversationContext {
  readonly o: ResolvedOptions;
  readonly sessions: SessionStore;
  /**
   * The shape of a real code, learned from real issues (the policy's defaults until the first):
   * what the replies to an unknown identifier imitate.
   */
  codeShape: { ttlMs: number; attempts: number };
  /** The engine subject the unknown-identifier path reads, for equivalent work. */
  readonly decoy: { subject: string; purpose: string };
  /** The store key of a conversation; throws `INVALID_ARGUMENT` for a bad id. */
  keyOf(conversationId: unknown): string;
  /** The message `key` in `locale`, its placeholders filled (`{length}` always). */
  say(
    locale: string,
    key: keyof ConversationMessages,
    values?: Record<string, string | number>,
  ): string;
  /** A result with a reply already written. */
  result(state: ConversationState, reply: string): ConversationResult;
  /** A result whose reply is the message `key` in `locale`. */
  answer(
    state: ConversationState,
    locale: string,
    key: keyof ConversationMessages,
    values?: Record<string, string | number>,
  ): ConversationResult;
}

/**
 * Checks the options and builds what the steps share.
 *
 * @param options What the caller passed to `createConversationAuth`.
 * @returns The {@link ConversationContext}.
 * @throws {OtpError} `CONFIG_INVALID` naming the option at fault.
 * @example
 * ```ts
 * const ctx = createContext({ otp, store, directory, defaultCountry: "US" });
 * ctx.answer("pending", "en", "pending").reply; // "Please enter the verification code we sent you."
 * ```
 */
export function createContext(options: ConversationAuthOptions): ConversationContext {
  const o = resolveOptions(options);
  const say = (
    locale: string,
    key: keyof ConversationMessages,
    values: Record<string, string | number> = {},
  ): string =>
    fill(messagesFor(locale, o.messages, o.defaultLocale)[key], {
      length: o.otp.policy.length,
      ...values,
    });
  const result = (state: ConversationState, reply: string): ConversationResult => ({
    state,
    reply,
  });
  return {
    o,
    sessions: createSessionStore(o.store),
    codeShape: {
      ttlMs: CONVERSATION_OTP_OPTIONS.ttlMs,
      attempts: CONVERSATION_OTP_OPTIONS.maxAttempts,
    },
    decoy: { subject: `${o.tenant}#decoy`, purpose: o.purpose },
    keyOf(conversationId) {
      if (
        typeof conversationId !== "string" ||
        conversationId === "" ||
        conversationId.length > 256
      ) {
        throw argumentError(
          "conversationId",
          "a string of 1..256 characters",
          conversationId,
          SOURCE,
        );
      }
      return `conversation-auth:${o.tenant}:${conversationId}`;
    },
    say,
    result,
    answer: (state, locale, key, values = {}) => result(state, say(locale, key, values)),
  };
}

/**
 * The reply to a wrong code with `attempts` left: `incorrectOne`/`incorrectMany`, or with
 * `resent` (a fresh code went out) `incorrectResentOne`/`incorrectResentMany`.
 *
 * @param ctx The conversation-auth's context.
 * @param locale The conversation's locale.
 * @param attempts Wrong guesses left.
 * @param resent Whether the engine sent a fresh code. @default false
 * @returns The reply.
 * @example
 * ```ts
 * incorrect(ctx, "en", 2); // "Incorrect code. You have 2 attempts remaining."
 * ```
 */
export function incorrect(
  ctx: ConversationContext,
  locale: string,
  attempts: number,
  resent = false,
): string {
  const one = attempts === 1;
  if (resent) {
    return ctx.say(locale, one ? "incorrectResentOne" : "incorrectResentMany", { attempts });
  }
  return ctx.say(locale, one ? "incorrectOne" : "incorrectMany", { attempts });
}
