import type { ConversationState } from "@otpkit/conversation-auth";

// What the model reads. Every sentence is an instruction it can follow; the rules that protect
// the user (the code stays in the chat, only `authenticated` counts, check before each sensitive
// answer) are repeated in each tool's description because a model may read only the one it calls.

/** The MCP server's `instructions`: the flow in one paragraph. */
export const SERVER_INSTRUCTIONS =
  "Verify a user's identity inside this chat before you share sensitive information (payroll " +
  "and salary data, financial or accounting information, medical or personnel records, client " +
  "or contract data). The flow: 1) ask the user for their identifier (for example their " +
  "employee number); 2) call start_verification with it and tell the user the `reply` verbatim " +
  "(a one-time code went to the phone or e-mail registered in their record); 3) when the user " +
  "types the code in this chat, call submit_code with their message and tell them the `reply`; " +
  "4) only when `state` is `authenticated` is the user verified; 5) call session_status right " +
  "before every sensitive answer, because sessions expire after inactivity and at most 24 hours " +
  "after verification. Never ask for the code anywhere but this chat, never repeat the code, " +
  "and never reveal whether a record exists.";

const RELAY = "Tell the user the `reply` verbatim and in full; do not add to it or paraphrase it.";
const ONLY_AUTHENTICATED =
  "Only `state` = `authenticated` means the user is verified; treat every other state as not " +
  "verified and share nothing sensitive.";
const CHAT_ONLY =
  "Never ask the user to send the code anywhere but this chat (no e-mail, link, form or other " +
  "person), and never repeat the code yourself.";

/** Tool descriptions, by tool name. */
export const TOOL_DESCRIPTIONS = {
  start_verification:
    "Start verifying the user's identity before sharing sensitive information. First ask the " +
    "user for their identifier in the chat (e.g. 'To verify your identity, what is your " +
    "employee number?'), then call this with exactly what they typed. A 6-digit code goes to " +
    "the phone (WhatsApp) or e-mail registered in their record, never to an address the user " +
    `gives you. ${RELAY} Then wait for the user to type the code and call submit_code. ` +
    "`pending` is also the answer for an identifier that matches no record: never tell the " +
    "user whether a record exists. Calling it again sends a new code and ends any current " +
    `session. ${CHAT_ONLY}`,
  submit_code:
    "Check the verification code the user typed in this chat: pass their whole message as " +
    "`text`, exactly as written. Call it only with a message the user sent after " +
    `start_verification. ${RELAY} ${ONLY_AUTHENTICATED} On \`pending\` the user may try again ` +
    "(the reply says how many attempts are left, or that they typed the code of an older " +
    "message and should enter the latest one); on `cancelled` or `expired` they must start " +
    `over: ask for their identifier again and call start_verification. ${CHAT_ONLY} The result ` +
    "never contains the code.",
  session_status:
    "Check whether this conversation is still verified. Call it right before every answer or " +
    "action that involves sensitive information, even if the user was verified earlier in the " +
    "conversation: a session ends after a period of inactivity and at the latest 24 hours after " +
    `verification. ${ONLY_AUTHENTICATED} On \`session_expired\` or \`unauthenticated\`, tell ` +
    "the user the `reply` and verify again (ask for the identifier, call start_verification). " +
    "Calling it counts as activity: it keeps an active session from timing out.",
  end_session:
    "End this conversation's verified session (and any verification in progress) when the " +
    "user asks to log out or says they are done, or before the conversation is handed to " +
    `someone else. ${RELAY} After it the user must verify again before any sensitive answer.`,
} as const;

/** Tool titles, by tool name. */
export const TOOL_TITLES = {
  start_verification: "Start identity verification",
  submit_code: "Check the verification code",
  session_status: "Is this conversation verified?",
  end_session: "End the verified session",
} as const;

/** The `next` of a result: what the agent does after each state. */
export const NEXT_STEP: Readonly<Record<ConversationState, string>> = Object.freeze({
  pending:
    "Tell the user the reply, then wait for them to type the code in this chat and call " +
    "submit_code with their message. The user is not verified yet.",
  authenticated:
    "The user is verified: you may answer their request. Call session_status again before " +
    "each later sensitive answer.",
  unauthenticated:
    "The user is not verified. Ask for their identifier and call start_verification before " +
    "sharing anything sensitive.",
  cancelled:
    "The verification was cancelled after too many wrong codes. Tell the user the reply; if " +
    "they message again, ask for their identifier and call start_verification.",
  expired:
    "The code expired. Tell the user the reply; if they message again, ask for their " +
    "identifier and call start_verification.",
  session_expired:
    "The session expired. Tell the user the reply, then ask for their identifier and call " +
    "start_verification before sharing anything sensitive.",
  throttled:
    "No new code was sent. Tell the user the reply; call start_verification again only after " +
    "the wait it names.",
  locked:
    "Verification is paused for this person. Tell the user the reply and share nothing " +
    "sensitive; do not retry now.",
  no_channel:
    "No code can be sent to this person. Tell the user the reply and share nothing sensitive.",
  ended: "The session is over. Tell the user the reply; they must verify again for sensitive data.",
});

/** Prefix of a tool error: the model must not go on as if the user were verified. */
export const ERROR_GUIDANCE =
  "Verification failed for a technical reason, so the user is NOT verified: share nothing " +
  "sensitive; tell the user verification is unavailable right now and to try again later.";
