import type { ConversationContext } from "./context.js";
import { NOTICE_MS } from "./context.js";
import type { ResolvedOptions } from "./options.js";
import type { SessionRecord } from "./session-store.js";
import type { ConversationResult } from "./types.js";

/**
 * How long an authenticated session has left at `now`: sliding inactivity, but never past the
 * absolute limit. Zero or less: it has ended.
 *
 * @param o The resolved options (`inactivityMs`).
 * @param session The authenticated record.
 * @param now Epoch ms.
 * @returns Milliseconds left.
 * @example
 * ```ts
 * sessionTtl(o, session, o.now()) <= 0; // the session has ended
 * ```
 */
export function sessionTtl(
  o: ResolvedOptions,
  session: SessionRecord & { kind: "authenticated" },
  now: number,
): number {
  return Math.min(session.lastActivityAt + o.inactivityMs, session.absoluteExpiresAt) - now;
}

/**
 * `status`: where the conversation stands. An authenticated session's inactivity timer restarts;
 * one past its limits ends (`session_expired`).
 *
 * @param ctx The conversation-auth's context.
 * @param request The conversation.
 * @returns The state and the reply.
 * @throws {OtpError} `INVALID_ARGUMENT` for a bad `conversationId`; the store's failures.
 * @example
 * ```ts
 * await conversationStatus(ctx, { conversationId: "c1" }); // { state: "pending", reply: "…" }
 * ```
 */
export async function conversationStatus(
  ctx: ConversationContext,
  request: { conversationId: string },
): Promise<ConversationResult> {
  const { o, answer } = ctx;
  const key = ctx.keyOf(request?.conversationId);
  return ctx.sessions.update(key, (current) => {
    const now = o.now();
    const locale = current?.locale ?? o.defaultLocale;
    if (current === null)
      return {
        keep: true,
        result: answer("unauthenticated", locale, "notStarted"),
      };
    if (current.kind === "pending") {
      if (now >= current.codeExpiresAt)
        return {
          keep: true,
          result: answer("expired", locale, "expired"),
        };
      return {
        keep: true,
        result: answer("pending", locale, "pending"),
      };
    }
    if (sessionTtl(o, current, now) <= 0) {
      return {
        next: null,
        ttlMs: 1,
        result: answer("session_expired", locale, "sessionExpired"),
      };
    }
    const next = { ...current, lastActivityAt: now };
    return {
      next,
      ttlMs: sessionTtl(o, next, now) + NOTICE_MS,
      result: answer("authenticated", locale, "sessionActive"),
    };
  });
}
