import type { ConversationContext } from "./context.js";
import type { ConversationResult } from "./types.js";

/**
 * `end`: deletes the conversation's record and revokes a code it was still waiting for.
 *
 * @param ctx The conversation-auth's context.
 * @param request The conversation.
 * @returns `ended`, in the conversation's language.
 * @throws {OtpError} `INVALID_ARGUMENT` for a bad `conversationId`; the store's failures.
 * @example
 * ```ts
 * await endConversation(ctx, { conversationId: "c1" }); // { state: "ended", reply: "Your session has ended." }
 * ```
 */
export async function endConversation(
  ctx: ConversationContext,
  request: { conversationId: string },
): Promise<ConversationResult> {
  const { o } = ctx;
  const key = ctx.keyOf(request?.conversationId);
  const ended = await ctx.sessions.update(key, (current) => ({
    next: null,
    ttlMs: 1,
    result: current,
  }));
  if (ended?.kind === "pending" && ended.subject !== null && ended.codeId !== null) {
    // A code the conversation no longer waits for must not stay usable.
    await o.otp.revoke({
      subject: ended.subject,
      purpose: o.purpose,
      codeId: ended.codeId,
      reason: "conversation_ended",
    });
  }
  return ctx.answer("ended", ended?.locale ?? o.defaultLocale, "sessionEnded");
}
