import type { Recipient } from "@otpkit/otp-core";
import type { ConversationContext } from "./context.js";
import { NOTICE_MS } from "./context.js";
import { checkIdentifier } from "./directory.js";
import { minutes, routeOf } from "./route.js";
import type { SessionRecord } from "./session-store.js";
import type { ConversationAuth, ConversationResult } from "./types.js";
import { startUnknown } from "./unknown.js";

/**
 * `start`: finds the identifier's record, sends a code to its phone (WhatsApp) or e-mail, and
 * makes the conversation wait for that code. An identifier nobody has gets the same state
 * (see unknown.ts).
 *
 * @param ctx The conversation-auth's context.
 * @param request The conversation, the identifier, and optionally the locale.
 * @returns `pending` with the masked destination, or why nothing was sent.
 * @throws {OtpError} `INVALID_ARGUMENT` for a bad argument; the store's, the directory's and the
 *   channel's failures.
 * @example
 * ```ts
 * await startConversation(ctx, { conversationId: "c1", identifier: "4721" });
 * // { state: "pending", reply: "We sent a verification code to the number ***78 …" }
 * ```
 */
export async function startConversation(
  ctx: ConversationContext,
  request: Parameters<ConversationAuth["start"]>[0],
): Promise<ConversationResult> {
  const { o, answer } = ctx;
  const key = ctx.keyOf(request?.conversationId);
  const identifier = checkIdentifier(request.identifier);
  const record = await o.directory.find(identifier);
  const locale = request.locale ?? record?.locale ?? o.defaultLocale;
  const now = o.now();
  if (record === null) return startUnknown(ctx, key, locale, now);
  const route = routeOf(record, o);
  if (route === null) return answer("no_channel", locale, "noChannel");
  const subject = `${o.tenant}:${record.id}`;
  const recipient: Recipient = { ...route.recipient, locale };
  if (record.name !== undefined) recipient.name = record.name;
  const issued = await o.otp.issue({
    subject,
    purpose: o.purpose,
    recipient,
    channels: [route.channel],
  });
  if (issued.status === "throttled") {
    return answer("throttled", locale, "throttled", {
      seconds: Math.ceil(issued.retryAfterMs / 1000),
    });
  }
  if (issued.status === "locked") return answer("locked", locale, "locked");
  const ttlMs = Math.max(1, issued.expiresAt - now);
  ctx.codeShape = { ttlMs, attempts: issued.attemptsAllowed };
  const pending: SessionRecord = {
    v: 1,
    kind: "pending",
    subject,
    codeId: issued.codeId,
    codeExpiresAt: issued.expiresAt,
    failures: 0,
    attemptsAllowed: issued.attemptsAllowed,
    locale,
  };
  await ctx.sessions.update(key, () => ({ next: pending, ttlMs: ttlMs + NOTICE_MS, result: 0 }));
  const values = { destination: route.destination, minutes: minutes(ttlMs) };
  if (o.hideDestination) return answer("pending", locale, "codeSentGeneric", values);
  const sent = route.channel === "email" ? "codeSentEmail" : "codeSentPhone";
  return answer("pending", locale, sent, values);
}
