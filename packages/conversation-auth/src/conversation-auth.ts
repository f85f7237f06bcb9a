import type { Recipient } from "@otpkit/otp-core";
import { argumentError } from "@otpkit/otp-core";
import { checkIdentifier } from "./directory.js";
import { extractCode } from "./extract-code.js";
import type { ConversationMessages } from "./messages.js";
import { fill, messagesFor } from "./messages.js";
import type { ConversationAuthOptions } from "./options.js";
import { CONVERSATION_OTP_OPTIONS, resolveOptions } from "./options.js";
import { minutes, routeOf } from "./route.js";
import type { SessionRecord } from "./session-store.js";
import { createSessionStore } from "./session-store.js";
import type { ConversationAuth, ConversationResult, ConversationState } from "./types.js";

// How long an ended-by-time record stays readable, so the agent can say "your session has
// expired" / "the code has expired" instead of "nothing in progress". It never extends a session.
const NOTICE_MS = 15 * 60_000;
const SOURCE = { source: "conversation-auth" } as const;

/**
 * The conversation authentication of seed 004 over an otp-core engine.
 *
 * - `start`: the directory finds the record; the code goes by WhatsApp to the record's phone
 *   (parsed with `defaultCountry`), else by e-mail; with both, `channelPreference`. The reply
 *   names the masked destination: "We sent a verification code to the number ***78 ...".
 * - `submit`: the code is taken out of the message; "hello" spends no attempt. Right → an
 *   authenticated session; wrong → attempts left; the third wrong → cancelled; late → expired;
 *   the code of an earlier `start` (a newer one replaced it) → `replaced`, nothing spent.
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
  const o = resolveOptions(options);
  const sessions = createSessionStore(o.store);
  // Learned from real issues; used for the replies to an unknown identifier.
  let codeShape: { ttlMs: number; attempts: number } = {
    ttlMs: CONVERSATION_OTP_OPTIONS.ttlMs,
    attempts: CONVERSATION_OTP_OPTIONS.maxAttempts,
  };
  const decoy = { subject: `${o.tenant}#decoy`, purpose: o.purpose };

  const keyOf = (conversationId: unknown): string => {
    if (
      typeof conversationId !== "string" ||
      conversationId === "" ||
      conversationId.length > 256
    ) {
      throw argumentError(
        "conversationId",
        "a string of 1..256 characters",
        conversationId,
        SOURCE,
      );
    }
    return `conversation-auth:${o.tenant}:${conversationId}`;
  };
  const say = (locale: string, key: keyof ConversationMessages, values = {}): string =>
    fill(messagesFor(locale, o.messages, o.defaultLocale)[key], {
      length: o.otp.policy.length,
      ...values,
    });
  const result = (state: ConversationState, reply: string): ConversationResult => ({
    state,
    reply,
  });
  const answer = (
    state: ConversationState,
    locale: string,
    key: keyof ConversationMessages,
    values = {},
  ): ConversationResult => result(state, say(locale, key, values));

  async function start(
    request: Parameters<ConversationAuth["start"]>[0],
  ): Promise<ConversationResult> {
    const key = keyOf(request?.conversationId);
    const identifier = checkIdentifier(request.identifier);
    const record = await o.directory.find(identifier);
    const locale = request.locale ?? record?.locale ?? o.defaultLocale;
    const now = o.now();
    if (record === null) {
      // Equivalent work: one engine read, as the real path starts with. The channel's send is not
      // imitated (see the README): put a floor under the reply time if that matters to you.
      await o.otp.lookup(decoy);
      const codeExpiresAt = now + codeShape.ttlMs;
      const pending: SessionRecord = {
        v: 1,
        kind: "pending",
        subject: null,
        codeId: null,
        codeExpiresAt,
        failures: 0,
        attemptsAllowed: codeShape.attempts,
        locale,
      };
      await sessions.update(key, () => ({
        next: pending,
        ttlMs: codeShape.ttlMs + NOTICE_MS,
        result: 0,
      }));
      return answer("pending", locale, "codeSentGeneric", { minutes: minutes(codeShape.ttlMs) });
    }
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
    codeShape = { ttlMs, attempts: issued.attemptsAllowed };
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
    await sessions.update(key, () => ({ next: pending, ttlMs: ttlMs + NOTICE_MS, result: 0 }));
    const values = { destination: route.destination, minutes: minutes(ttlMs) };
    if (o.hideDestination) return answer("pending", locale, "codeSentGeneric", values);
    const sent = route.channel === "email" ? "codeSentEmail" : "codeSentPhone";
    return answer("pending", locale, sent, values);
  }

  async function submit(
    request: Parameters<ConversationAuth["submit"]>[0],
  ): Promise<ConversationResult> {
    const key = keyOf(request?.conversationId);
    if (typeof request.text !== "string")
      throw argumentError("text", "a string", request.text, SOURCE);
    const { record } = await sessions.read(key);
    if (record === null || record.kind === "authenticated") return status(request);
    const { locale } = record;
    const code = extractCode(request.text, o.otp.policy);
    // Not a code at all: nothing is spent (a brute-forcer gains nothing from "hello").
    if (code === null) return answer("pending", locale, "malformed");
    if (record.subject === null) return submitUnknown(key, record);
    const outcome = await o.otp.verify({
      subject: record.subject,
      purpose: o.purpose,
      code,
      ...(record.codeId ? { codeId: record.codeId } : {}),
    });
    const same = (current: SessionRecord | null) =>
      current?.kind === "pending" && current.codeId === record.codeId;
    const drop = (state: ConversationState, reply: string) =>
      sessions.update(key, (current) =>
        same(current)
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
        return sessions.update(key, () => ({
          next: session,
          ttlMs: sessionTtl(session, now) + NOTICE_MS,
          result: reply,
        }));
      }
      case "invalid":
        if (outcome.attemptsRemaining > 0)
          return result("pending", incorrect(locale, outcome.attemptsRemaining));
        return drop("cancelled", say(locale, "cancelled"));
      case "replaced":
        // The code of an earlier start in this conversation: it counted nothing; ask for the latest.
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

  async function submitUnknown(key: string, seen: SessionRecord & { kind: "pending" }) {
    await o.otp.lookup(decoy); // Equivalent work: the real path reads the engine's record too.
    const { locale } = seen;
    return sessions.update(key, (current) => {
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
        result: result("pending", incorrect(locale, left)),
      };
    });
  }

  function incorrect(locale: string, attempts: number): string {
    return say(locale, attempts === 1 ? "incorrectOne" : "incorrectMany", { attempts });
  }

  function sessionTtl(session: SessionRecord & { kind: "authenticated" }, now: number): number {
    // Sliding inactivity, but never past the absolute limit.
    return Math.min(session.lastActivityAt + o.inactivityMs, session.absoluteExpiresAt) - now;
  }

  async function status(request: { conversationId: string }): Promise<ConversationResult> {
    const key = keyOf(request?.conversationId);
    return sessions.update(key, (current) => {
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
      if (sessionTtl(current, now) <= 0) {
        return {
          next: null,
          ttlMs: 1,
          result: answer("session_expired", locale, "sessionExpired"),
        };
      }
      const next = { ...current, lastActivityAt: now };
      return {
        next,
        ttlMs: sessionTtl(next, now) + NOTICE_MS,
        result: answer("authenticated", locale, "sessionActive"),
      };
    });
  }

  async function end(request: { conversationId: string }): Promise<ConversationResult> {
    const key = keyOf(request?.conversationId);
    const ended = await sessions.update(key, (current) => ({
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
    return answer("ended", ended?.locale ?? o.defaultLocale, "sessionEnded");
  }

  return { start, submit, status, end };
}
