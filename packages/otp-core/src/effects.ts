import type { OtpMessageKind, Recipient } from "./channel.js";
import type { Delivered, Deliverer } from "./delivery.js";
import type { OtpEvent } from "./events.js";
import { maskDestination } from "./mask.js";
import type { ShellOptions } from "./options.js";
import type { RandomSource } from "./random.js";
import { randomId } from "./random.js";
import type { EventDraft, MessageEffect } from "./rules/index.js";

/** @internal The (subject, purpose) an operation is about, and its record's key. */
export interface SubjectContext {
  readonly subject: string;
  readonly purpose: string;
  /** The keyed digest of (subject, purpose). */
  readonly sid: string;
  /** The record's store key: `{sid}`, a Redis Cluster hash tag. */
  readonly key: string;
}

/** @internal A code message with its plaintext, which only the shell ever holds. */
export interface CodeDelivery {
  readonly message: MessageEffect & { kind: "code" | "retry" };
  readonly code: string;
  readonly expiresAt: number;
}

/** @internal Performs a committed decision's effects: events, then messages. */
export interface Effects {
  emit(ctx: SubjectContext, drafts: readonly EventDraft[]): Promise<void>;
  /** Delivers a code; throws `DELIVERY_FAILED` (every try recorded as an event) when no channel could. */
  deliver(ctx: SubjectContext, delivery: CodeDelivery): Promise<Delivered>;
  /** Best-effort notices without a code (lockout, unlock): failures are recorded, not thrown. */
  notify(ctx: SubjectContext, messages: readonly MessageEffect[]): Promise<void>;
}

/** @internal */
export function createEffects(
  shell: ShellOptions,
  deliverer: Deliverer,
  random: RandomSource,
): Effects {
  async function emit(ctx: SubjectContext, drafts: readonly EventDraft[]): Promise<void> {
    const sink = shell.events;
    if (sink === undefined) return;
    for (const draft of drafts) {
      const event: OtpEvent = {
        at: shell.now(),
        subject: ctx.subject,
        purpose: ctx.purpose,
        ...draft,
      };
      try {
        await sink(event);
      } catch (error) {
        shell.onSinkError?.(error, event);
      }
    }
  }

  async function send(
    ctx: SubjectContext,
    kind: OtpMessageKind,
    to: Recipient,
    channels: readonly string[] | undefined,
    extra: { code?: string; codeId?: string; expiresAt?: number; lockedUntil?: number },
  ): Promise<Delivered> {
    const deliveryId = randomId(random, 12);
    return deliverer.deliver(
      {
        kind,
        recipient: to,
        code: extra.code,
        expiresAt: extra.expiresAt,
        ttlMs:
          extra.expiresAt === undefined ? undefined : Math.max(0, extra.expiresAt - shell.now()),
        lockedUntil: extra.lockedUntil,
        locale: to.locale ?? "en",
        purpose: ctx.purpose,
        deliveryId,
      },
      deliverer.plan(to, channels),
      async (attempt) => {
        const base = {
          deliveryId,
          codeId: extra.codeId,
          channel: attempt.channel,
          destination: maskDestination(attempt.to),
          messageKind: kind,
        };
        if (attempt.receipt) {
          await emit(ctx, [{ type: "delivered", ...base, messageId: attempt.receipt.messageId }]);
        } else if (attempt.error) {
          await emit(ctx, [
            {
              type: "delivery_failed",
              ...base,
              error: attempt.error.code,
              retryable: attempt.error.retryable,
            },
          ]);
        }
      },
    );
  }

  return {
    emit,
    deliver(ctx, { message, code, expiresAt }) {
      return send(ctx, message.kind, message.to, message.channels, {
        code,
        codeId: message.codeId,
        expiresAt,
      });
    },
    async notify(ctx, messages) {
      for (const m of messages) {
        // Code messages carry a plaintext only the operation holds: it delivers them itself.
        if (m.kind === "code" || m.kind === "retry") continue;
        try {
          // Nowhere to send it (no channel for this recipient any more): nothing to record.
          if (deliverer.plan(m.to, m.channels).length === 0) continue;
          await send(ctx, m.kind, m.to, m.channels, {
            lockedUntil: "lockedUntil" in m ? m.lockedUntil : undefined,
          });
        } catch {
          // already recorded as delivery_failed events
        }
      }
    },
  };
}
