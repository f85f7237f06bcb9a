import type { WhatsAppWebhookEvent } from "@otpkit/delivery-whatsapp";
import { createWhatsAppWebhookHandler } from "@otpkit/delivery-whatsapp";
import { Hono } from "hono";
import type { ProviderReport } from "../db/audit.js";
import type { Runtime } from "../runtime.js";

/**
 * `/webhooks/whatsapp`: Meta's webhook (the GET handshake and signed POST events), mounted when
 * WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN are set; else null. Status updates and "I didn't
 * request a code" replies join the audit trail of the subject the message went to.
 *
 * @throws {never}
 * @example
 * const webhook = whatsappWebhookRoutes(rt);
 * if (webhook) app.route("/webhooks/whatsapp", webhook);
 */
export function whatsappWebhookRoutes(rt: Runtime): Hono | null {
  const { WHATSAPP_APP_SECRET: appSecret, WHATSAPP_VERIFY_TOKEN: verifyToken } = rt.config;
  if (!appSecret || !verifyToken) return null;
  const webhook = createWhatsAppWebhookHandler({
    appSecret,
    verifyToken,
    // Remembered in the shared store (across processes and restarts). Its keys start with the
    // handler's prefix, never with `{` like otp-core's record keys.
    seen: rt.store,
    // Statuses and fraud signals join the audit trail of the subject the message went to. A
    // throw here answers 500, so Meta delivers the event again later.
    onEvent: async (event) => {
      const report = reportOf(event, rt.now());
      const known = report ? await rt.audit.recordProvider(report) : false;
      const level = event.type === "fraud_signal" ? "warn" : "info";
      rt.logger[level]({ webhook: "whatsapp", event: event.type, known }, "whatsapp webhook event");
    },
  });
  const routes = new Hono();
  // The handler reads the untouched body itself: the signature covers the raw bytes.
  routes.on(["GET", "POST"], "/", (c) => webhook(c.req.raw));
  return routes;
}

/**
 * A webhook event as an audit report about one of our messages; null when it names none. An id
 * with a NUL character is none of ours (and PostgreSQL refuses to even look it up: a 500 that
 * Meta would retry for days).
 */
function reportOf(event: WhatsAppWebhookEvent, now: number): ProviderReport | null {
  const id = event.type === "delivery_status" ? event.messageId : event.replyTo;
  if (id?.includes("\u0000")) return null;
  if (event.type === "delivery_status") {
    return {
      type: event.type,
      at: event.at ?? now,
      channel: "whatsapp",
      messageId: event.messageId,
      reason: event.status,
      destination: event.recipient,
      ...(event.error ? { error: `WHATSAPP_${event.error.code}` } : {}),
    };
  }
  if (!event.replyTo) return null;
  return {
    type: event.type,
    at: event.at ?? now,
    channel: "whatsapp",
    messageId: event.replyTo,
    reason: event.payload,
    destination: event.from,
  };
}
