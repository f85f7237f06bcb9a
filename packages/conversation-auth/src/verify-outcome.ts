import type { VerifyResult } from "@otpkit/otp-core";
import type { ConversationContext } from "./context.js";
import { incorrect, NOTICE_MS } from "./context.js";
import type { SessionRecord } from "./session-store.js";
import { conversationStatus, sessionTtl } from "./status.js";
import type { ConversationResult, ConversationState } from "./types.js";

/** A conversation waiting for a real code (its identifier matched a record). */
export type WaitingRecord = SessionRecord & { kind: "pending"; subject: string };

/** The conversation a check was made for: its id, its store key, and its record as read. */
export interface Checked {
  conversationId: string;
  key: string;
  record: WaitingRecord;
}

/**
 * What a `submit` answers for the engine's verdict, and what becomes of the conversation's record.
 * Every write compares on the code id the check was made for: if another call changed the
 * conversation in between (a new `start`, an `end`), that change stands.
 *
 * - `verified` → an authenticated session; `invalid` → attempts left (none: `cancelled`);
 *   `exhausted` → `cancelled`; `locked` → `locked`; `expired`/`not_found` → `expired`.
 * - `invalid` with a fresh code (otp-core's `retryOnFailure`) → the record follows the fresh
 *   code (its id and expiry) and the reply says a new code went out.
 * - `replaced` (the code an earlier one replaced) and `malformed` → `pending`, nothing changes.
 *
 * @param ctx The conversation-auth's context.
 * @param checked The conversation the check was for.
 * @param outcome What `otp.verify` answered.
 * @returns The state and the reply.
 * @throws {OtpError} The store's and the engine's failures.
 * @example
 * ```ts
 * await settleVerify(ctx, { conversationId, key, record }, { status: "invalid", attemptsRemaining: 2 });
 * // { state: "pending", reply: "Incorrect code. You have 2 attempts remaining." }
 * ```
 */
export async function settleVerify(
  ctx: ConversationContext,
  checked: Checked,
  outcome: VerifyResult,
): Promise<ConversationResult> {
  const { o, answer, result, say } = ctx;
  const { key, record } = checked;
  const { locale } = record;
  const drop = (state: ConversationState, reply: string) =>
    ctx.sessions.update(key, (current) =>
      sameCode(current, record)
        ? { next: null, ttlMs: 1, result: result(state, reply) }
        : { keep: true, result: result(state, reply) },
    );
  switch (outcome.status) {
    case "verified": {
      const now = o.now();
      const session: SessionRecord = {
        v: 1,
        kind: "authenticated",
        subject: record.subject,
        locale,
        authenticatedAt: now,
        lastActivityAt: now,
        absoluteExpiresAt: now + o.absoluteMs,
      };
      const reply = answer("authenticated", locale, "verified");
      return ctx.sessions.update(key, () => ({
        next: session,
        ttlMs: sessionTtl(o, session, now) + NOTICE_MS,
        result: reply,
      }));
    }
    case "invalid":
      if (outcome.codeId !== undefined && outcome.codeId !== record.codeId) {
        return followFresh(ctx, checked, outcome.codeId, outcome.attemptsRemaining);
      }
      if (outcome.attemptsRemaining > 0)
        return result("pending", incorrect(ctx, locale, outcome.attemptsRemaining));
      return drop("cancelled", say(locale, "cancelled"));
    case "replaced":
      // The code of an earlier start, or the one a fresh code replaced: it counted nothing; ask
      // for the latest. The record is not touched: the check named the record's code id, and
      // otp-core answers `not_found`, never `replaced`, when the active code is another, so
      // `outcome.codeId` is the record's own. Were it ever another, it would be a code issued
      // for another start (another conversation of the same person): not this one's to adopt.
      return answer("pending", locale, "replaced");
    case "exhausted":
      return drop("cancelled", say(locale, "cancelled"));
    case "malformed":
      return answer("pending", locale, "malformed");
    case "locked":
      return drop("locked", say(locale, "locked"));
    default:
      // expired, or not_found: the code is gone (replaced or ended elsewhere).
      return drop("expired", say(locale, "expired"));
  }
}

/** True while the conversation still waits for the code `seen` waited for. */
function sameCode(
  current: SessionRecord | null,
  seen: WaitingRecord,
): current is SessionRecord & { kind: "pending" } {
  return current?.kind === "pending" && current.codeId === seen.codeId;
}

/**
 * A wrong code made the engine send a fresh one (`retryOnFailure`): the conversation now waits
 * for it, so the person's next message (the new code) is checked against the new id. If the
 * conversation moved on meanwhile (ended, or restarted), nobody waits for the fresh code: it is
 * revoked (only if it is still the active one) and the answer is the conversation's status.
 */
async function followFresh(
  ctx: ConversationContext,
  checked: Checked,
  codeId: string,
  attempts: number,
): Promise<ConversationResult> {
  const { o } = ctx;
  const { key, record } = checked;
  const ref = { subject: record.subject, purpose: o.purpose };
  // otp-core's answer carries the fresh code's id, not its expiry; its read-only lookup does.
  const { active } = await o.otp.lookup(ref);
  const now = o.now();
  const codeExpiresAt = active?.codeId === codeId ? active.expiresAt : now + ctx.codeShape.ttlMs;
  const followed = await ctx.sessions.update(key, (current) =>
    sameCode(current, record)
      ? {
          next: { ...current, codeId, codeExpiresAt },
          ttlMs: Math.max(1, codeExpiresAt - now) + NOTICE_MS,
          result: true,
        }
      : { keep: true, result: false },
  );
  if (followed) return ctx.result("pending", incorrect(ctx, record.locale, attempts, true));
  await o.otp.revoke({ ...ref, codeId, reason: "conversation_ended" });
  return conversationStatus(ctx, checked);
}
