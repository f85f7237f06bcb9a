import type { ConversationContext } from "./context.js";
import { incorrect, NOTICE_MS } from "./context.js";
import { minutes } from "./route.js";
import type { SessionRecord } from "./session-store.js";
import type { ConversationResult } from "./types.js";

// An identifier no record matches gets the same state and the same later answers as a known one
// (wrong codes count down, the last cancels, the code expires) and nothing is sent, so the
// follow-up reveals nothing. The shape imitated is the one learned from real codes (codeShape).

/**
 * `start` for an identifier no record matches: a pending record without a subject, the generic
 * "if the details match" reply, and one engine read as the real path starts with.
 *
 * @param ctx The conversation-auth's context.
 * @param key The conversation's store key.
 * @param locale The conversation's locale.
 * @param now Epoch ms.
 * @returns `pending` with `codeSentGeneric`.
 * @throws {OtpError} The store's failures.
 * @example
 * ```ts
 * await startUnknown(ctx, ctx.keyOf("c1"), "en", ctx.o.now()); // { state: "pending", … }
 * ```
 */
export async function startUnknown(
  ctx: ConversationContext,
  key: string,
  locale: string,
  now: number,
): Promise<ConversationResult> {
  const { codeShape } = ctx;
  // Equivalent work: one engine read, as the real path starts with. The channel's send is not
  // imitated (see the README): put a floor under the reply time if that matters to you.
  await ctx.o.otp.lookup(ctx.decoy);
  const pending: SessionRecord = {
    v: 1,
    kind: "pending",
    subject: null,
    codeId: null,
    codeExpiresAt: now + codeShape.ttlMs,
    failures: 0,
    attemptsAllowed: codeShape.attempts,
    locale,
  };
  await ctx.sessions.update(key, () => ({
    next: pending,
    ttlMs: codeShape.ttlMs + NOTICE_MS,
    result: 0,
  }));
  return ctx.answer("pending", locale, "codeSentGeneric", { minutes: minutes(codeShape.ttlMs) });
}

/**
 * `submit` of a well-formed code in a conversation whose identifier matched no record: counts
 * down like a real code (the last wrong one cancels; past the code's time it has expired).
 *
 * @param ctx The conversation-auth's context.
 * @param key The conversation's store key.
 * @param seen The pending record as read.
 * @returns What the real path would answer to a wrong code.
 * @throws {OtpError} The store's failures.
 * @example
 * ```ts
 * await submitUnknown(ctx, key, record); // { state: "pending", reply: "Incorrect code. …" }
 * ```
 */
export async function submitUnknown(
  ctx: ConversationContext,
  key: string,
  seen: SessionRecord & { kind: "pending" },
): Promise<ConversationResult> {
  const { o, answer } = ctx;
  await o.otp.lookup(ctx.decoy); // Equivalent work: the real path reads the engine's record too.
  const { locale } = seen;
  return ctx.sessions.update(key, (current) => {
    if (current?.kind !== "pending" || current.subject !== null) {
      return {
        keep: true as const,
        result: answer("pending", locale, "pending"),
      };
    }
    if (o.now() >= current.codeExpiresAt) {
      return {
        next: null,
        ttlMs: 1,
        result: answer("expired", locale, "expired"),
      };
    }
    const failures = current.failures + 1;
    const left = current.attemptsAllowed - failures;
    if (left <= 0)
      return {
        next: null,
        ttlMs: 1,
        result: answer("cancelled", locale, "cancelled"),
      };
    const next = { ...current, failures };
    return {
      next,
      ttlMs: current.codeExpiresAt - o.now() + NOTICE_MS,
      result: ctx.result("pending", incorrect(ctx, locale, left)),
    };
  });
}
