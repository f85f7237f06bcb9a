import type { ConversationState } from "@otpkit/conversation-auth";
import * as z from "zod";

/**
 * Every state a conversation-auth call can answer, as a value (the library exports the type).
 * `satisfies` and the check below keep the list equal to `ConversationState`.
 */
export const CONVERSATION_STATES = [
  "pending",
  "authenticated",
  "unauthenticated",
  "cancelled",
  "expired",
  "session_expired",
  "throttled",
  "locked",
  "no_channel",
  "ended",
] as const satisfies readonly ConversationState[];

// A compile error here means the library grew a state this list lacks.
type Missing = Exclude<ConversationState, (typeof CONVERSATION_STATES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

/** The server's rule for a conversation id (`/api/v1/conversations/:conversationId`). */
export const conversationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, {
    error: "use 1..128 letters, digits and _ . : - only, the same id for the whole conversation",
  })
  .describe(
    "The id of this chat conversation: the one your platform gives it, or one you made up at " +
      "the first call (e.g. c-7f3a9b). Use the same id for every call in the conversation and " +
      "never reuse it for another conversation. 1..128 letters, digits, _ . : -",
  );

/** Input of `start_verification`. */
export const startInput = {
  conversation_id: conversationIdSchema,
  identifier: z
    .string()
    .trim()
    .min(1, { error: "ask the user for their identifier first" })
    .max(256)
    .describe(
      "Exactly the identifier the user typed in this chat (employee number, customer id, " +
        "e-mail). Never guess it or take it from anywhere else.",
    ),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
      error: "use a BCP 47 tag such as en or es-MX",
    })
    .optional()
    .describe(
      "The language the user writes in (BCP 47: en, es, es-MX). Default: the record's language.",
    ),
};

/** Input of `submit_code`. */
export const submitInput = {
  conversation_id: conversationIdSchema,
  text: z
    .string()
    .min(1)
    .max(1000)
    .describe(
      "The user's message that contains the code, exactly as they wrote it " +
        '("The code is 483921" works). Do not retype, shorten or complete it.',
    ),
};

/** Input of `session_status` and `end_session`. */
export const conversationInput = { conversation_id: conversationIdSchema };

/** What every tool returns as `structuredContent`. */
export const resultOutput = {
  state: z
    .enum(CONVERSATION_STATES)
    .describe("Where the verification stands. Only `authenticated` means the user is verified."),
  reply: z.string().describe("What to tell the user: relay it verbatim, in full."),
  next: z.string().describe("What you (the agent) should do now."),
};

/** The structured result of a tool. */
export interface ToolResult {
  state: ConversationState;
  reply: string;
  next: string;
  [key: string]: unknown;
}
