/** Where a conversation stands after a call. */
export type ConversationState =
  /** A code is out; the agent waits for it (also the answer for an identifier nobody has). */
  | "pending"
  /** The conversation is authenticated. */
  | "authenticated"
  /** No verification in progress and no session. */
  | "unauthenticated"
  /** The third wrong code cancelled the verification. */
  | "cancelled"
  /** The code's time ran out. */
  | "expired"
  /** The session ran out (inactivity or the absolute limit). */
  | "session_expired"
  /** A code was sent moments ago (or too many were sent); no new one went out. */
  | "throttled"
  /** Too many failures for this person: no code can be sent or checked for now. */
  | "locked"
  /** The record has no phone and no e-mail address. */
  | "no_channel"
  /** The session was ended with `end`. */
  | "ended";

/** What every method returns: the state, and what the agent should say. Never the code. */
export interface ConversationResult {
  state: ConversationState;
  /** The agent's message to the user, in the conversation's language. */
  reply: string;
}

/** The conversation flow of seed 004: identify → send → verify → session. */
export interface ConversationAuth {
  /** Looks the identifier up and sends a code to the record's phone (WhatsApp) or e-mail. */
  start(request: {
    conversationId: string;
    identifier: string;
    locale?: string;
  }): Promise<ConversationResult>;
  /** Checks what the user wrote ("The code is 483921"). */
  submit(request: { conversationId: string; text: string }): Promise<ConversationResult>;
  /** The conversation's state; an authenticated session's inactivity timer restarts. */
  status(request: { conversationId: string }): Promise<ConversationResult>;
  /** Ends the session (and a pending verification). */
  end(request: { conversationId: string }): Promise<ConversationResult>;
}
