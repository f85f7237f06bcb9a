import { createContext } from "./context.js";
import { endConversation } from "./end.js";
import type { ConversationAuthOptions } from "./options.js";
import { startConversation } from "./start.js";
import { conversationStatus } from "./status.js";
import { submitCode } from "./submit.js";
import type { ConversationAuth } from "./types.js";

/**
 * The conversation authentication of seed 004 over an otp-core engine.
 *
 * - `start`: the directory finds the record; the code goes by WhatsApp to the record's phone
 *   (parsed with `defaultCountry`), else by e-mail; with both, `channelPreference`. The reply
 *   names the masked destination: "We sent a verification code to the number ***78 ...".
 * - `submit`: the code is taken out of the message; "hello" spends no attempt. Right → an
 *   authenticated session; wrong → attempts left; the third wrong → cancelled; late → expired;
 *   the code of an earlier `start` (a newer one replaced it) → `replaced`, nothing spent. With
 *   an engine built with `retryOnFailure`, a wrong code that made the engine send a fresh one
 *   says so, and the conversation waits for the fresh code from then on.
 * - Sessions: one record per conversation in `store` (compare-and-set), ending after
 *   `session.inactivityMs` without activity (`status` and `submit` count as activity) and at the
 *   latest `session.absoluteMs` (≤ 24 h) after verification; `end` ends one.
 * - An unknown identifier: the same state (`pending`) and the same later answers as a known one
 *   (wrong codes count down, the third cancels, the code expires), so the follow-up reveals
 *   nothing. Its start reply is `codeSentGeneric`: it cannot name a destination that does not
 *   exist. With `hideDestination`, known records get that reply too and the replies are equal.
 *
 * @param options The engine, the store, the directory and the policy; see {@link ConversationAuthOptions}.
 * @returns A {@link ConversationAuth}. Its methods throw only operational failures (`OtpError`s of
 *   the store, the directory or a channel) and `INVALID_ARGUMENT` for a bad argument.
 * @throws {OtpError} `CONFIG_INVALID` naming the option at fault.
 * @example
 * ```ts
 * const auth = createConversationAuth({ otp, store, directory, defaultCountry: "US" });
 * await auth.start({ conversationId: "c1", identifier: "4721" });
 * // { state: "pending", reply: "We sent a verification code to the number ***78 ..." }
 * await auth.submit({ conversationId: "c1", text: "The code is 483921." });
 * // { state: "authenticated", reply: "Identity verified." }
 * ```
 */
export function createConversationAuth(options: ConversationAuthOptions): ConversationAuth {
  const ctx = createContext(options);
  return {
    start: (request) => startConversation(ctx, request),
    submit: (request) => submitCode(ctx, request),
    status: (request) => conversationStatus(ctx, request),
    end: (request) => endConversation(ctx, request),
  };
}
