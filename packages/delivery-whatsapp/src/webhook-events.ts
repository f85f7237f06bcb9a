import { maskPhone } from "@otpkit/otp-core";
import type { WhatsAppDeliveryStatusEvent, WhatsAppWebhookEvent } from "./webhook.js";

// The payload of a WhatsApp webhook notification, read into events: tolerant of everything that
// does not have the documented shape (Meta adds fields over time), never throwing.

const STATUSES = new Set(["sent", "delivered", "read", "failed"]);

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** The latest time a JavaScript `Date` can hold (epoch ms). */
const LATEST_DATE_MS = 8.64e15;

/**
 * Meta's `timestamp` (epoch seconds) as whole epoch milliseconds, or undefined. Why the range and
 * the rounding: a value no `Date` can hold (`1e300`) or a fraction of a millisecond is not a time,
 * and passed on it breaks whoever stores it (a BIGINT column refuses both), making `onEvent`
 * throw and Meta retry the notification for days.
 */
function seconds(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : typeof value === "number" ? value : NaN;
  const ms = Math.round(n * 1000);
  return Number.isFinite(n) && ms > 0 && ms <= LATEST_DATE_MS ? ms : undefined;
}

/**
 * The events of one notification with their de-duplication keys. Tolerant: anything that does
 * not have the documented shape is skipped, never thrown on (Meta adds fields over time).
 */
export function eventsOf(
  payload: unknown,
  fraudPayloads: ReadonlySet<string>,
): Array<[string, WhatsAppWebhookEvent]> {
  const out: Array<[string, WhatsAppWebhookEvent]> = [];
  const root = obj(payload);
  if (root?.["object"] !== "whatsapp_business_account") return out;
  for (const entry of arr(root["entry"])) {
    for (const change of arr(obj(entry)?.["changes"])) {
      const c = obj(change);
      if (c?.["field"] !== "messages") continue;
      const value = obj(c["value"]);
      if (!value) continue;
      const phoneNumberId = str(obj(value["metadata"])?.["phone_number_id"]);
      for (const item of arr(value["statuses"])) {
        const s = obj(item);
        const id = str(s?.["id"]);
        const status = str(s?.["status"]);
        if (!s || !id || !status || !STATUSES.has(status)) continue;
        const firstError = obj(arr(s["errors"])[0]);
        const code = firstError?.["code"];
        out.push([
          `status:${id}:${status}`,
          {
            type: "delivery_status",
            messageId: id,
            status: status as WhatsAppDeliveryStatusEvent["status"],
            at: seconds(s["timestamp"]),
            recipient: maskPhone(str(s["recipient_id"]) ?? ""),
            deliveryId: str(s["biz_opaque_callback_data"]),
            phoneNumberId,
            error:
              typeof code === "number" ? { code, title: str(firstError?.["title"]) } : undefined,
            pricingCategory: str(obj(s["pricing"])?.["category"]),
          },
        ]);
      }
      for (const item of arr(value["messages"])) {
        const m = obj(item);
        const id = str(m?.["id"]);
        if (!m || !id) continue;
        const payloadText = buttonPayload(m);
        if (payloadText === undefined || !fraudPayloads.has(payloadText)) continue;
        out.push([
          `fraud:${id}`,
          {
            type: "fraud_signal",
            messageId: id,
            replyTo: str(obj(m["context"])?.["id"]),
            from: maskPhone(str(m["from"]) ?? ""),
            at: seconds(m["timestamp"]),
            payload: payloadText,
            phoneNumberId,
          },
        ]);
      }
    }
  }
  return out;
}

/** The payload of a button tap: a template quick-reply (`button`) or an interactive reply. */
function buttonPayload(message: Json): string | undefined {
  if (message["type"] === "button") return str(obj(message["button"])?.["payload"]);
  if (message["type"] === "interactive") {
    const interactive = obj(message["interactive"]);
    if (interactive?.["type"] === "button_reply")
      return str(obj(interactive["button_reply"])?.["id"]);
  }
  return undefined;
}
