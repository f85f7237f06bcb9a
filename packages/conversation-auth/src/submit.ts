import { argumentError } from "@otpkit/otp-core";
import type { ConversationContext } from "./context.js";
import { SOURCE } from "./context.js";
import { extractCode } from "./extract-code.js";
import { conversationStatus } from "./status.js";
import type { ConversationAuth, ConversationResult } from "./types.js";
import { submitUnknown } from "./unknown.js";
import { settleVerify } from "./verify-outcome.js";

/**
 * `submit`: takes the code out of what the user wrote and checks it against the code the
 * conversation waits for. Text without a code spends nothing; with no verification pending the
 * answer is the conversation's status.
 *
 * @param ctx The conversation-auth's context.
 * @param request The conversation and the user's message.
 * @returns The state and the reply (see verify-outcome.ts).
 * @throws {OtpError} `INVALID_ARGUMENT` for a bad argument; the store's and the engine's failures.
 * @example
 * ```ts
 * await submitCode(ctx, { conversationId: "c1", text: "The code is 483921." });
 * // { state: "authenticated", reply: "Identity verified." }
 * ```
 */
export async function submitCode(
  ctx: ConversationContext,
  request: Parameters<ConversationAuth["submit"]>[0],
): Promise<ConversationResult> {
  const { o } = ctx;
  const key = ctx.keyOf(request?.conversationId);
  if (typeof request.text !== "string")
    throw argumentError("text", "a string", request.text, SOURCE);
  const { record } = await ctx.sessions.read(key);
  if (record === null || record.kind === "authenticated") return conversationStatus(ctx, request);
  const code = extractCode(request.text, o.otp.policy);
  // Not a code at all: nothing is spent (a brute-forcer gains nothing from "hello").
  if (code === null) return ctx.answer("pending", record.locale, "malformed");
  if (record.subject === null) return submitUnknown(ctx, key, record);
  const waiting = { ...record, subject: record.subject };
  const outcome = await o.otp.verify({
    subject: waiting.subject,
    purpose: o.purpose,
    code,
    ...(waiting.codeId ? { codeId: waiting.codeId } : {}),
  });
  return settleVerify(
    ctx,
    { conversationId: request.conversationId, key, record: waiting },
    outcome,
  );
}
