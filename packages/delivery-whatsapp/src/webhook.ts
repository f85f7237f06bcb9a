import { constantTimeEqual } from "@otpkit/otp-core";
import { configError, intOption } from "./errors.js";
import type { WebhookSeenStore } from "./seen-store.js";
import { createMemorySeenStore } from "./seen-store.js";
import { eventsOf } from "./webhook-events.js";

/** A delivery status Meta reported for one of our messages. */
export interface WhatsAppDeliveryStatusEvent {
  /** Discriminant. */
  type: "delivery_status";
  /** The `wamid` (the `messageId` of the channel's receipt). */
  messageId: string;
  /** `sent` < `delivered` < `read`; `failed` is final. They can arrive out of order. */
  status: "sent" | "delivered" | "read" | "failed";
  /** When it happened (whole epoch ms), from Meta's `timestamp`; undefined when that is no time. */
  at: number | undefined;
  /** The recipient, masked (`***78`). */
  recipient: string;
  /** Our delivery id (`OtpMessage.deliveryId`), from `biz_opaque_callback_data`. */
  deliveryId: string | undefined;
  /** The business number's ID that sent it (`metadata.phone_number_id`). */
  phoneNumberId: string | undefined;
  /** For `failed`: Meta's error code and title (131026, 131049, ...). */
  error: { code: number; title: string | undefined } | undefined;
  /** `pricing.category` (`authentication`, `authentication-international`, `utility`), when sent. */
  pricingCategory: string | undefined;
}

/** A person tapped "I didn't request a code" under one of our authentication messages. */
export interface WhatsAppFraudSignalEvent {
  /** Discriminant. */
  type: "fraud_signal";
  /** The id of the button-reply message. */
  messageId: string;
  /** The `wamid` of our authentication message the button belongs to (`context.id`), if sent. */
  replyTo: string | undefined;
  /** Who tapped it, masked (`***78`). */
  from: string;
  /** When (whole epoch ms), from Meta's `timestamp`; undefined when that is no time. */
  at: number | undefined;
  /** The button payload that matched (`DID_NOT_REQUEST_CODE`). */
  payload: string;
  /** The business number's ID (`metadata.phone_number_id`). */
  phoneNumberId: string | undefined;
}

/** What the webhook handler reports. */
export type WhatsAppWebhookEvent = WhatsAppDeliveryStatusEvent | WhatsAppFraudSignalEvent;

/** Options of {@link createWhatsAppWebhookHandler}. */
export interface WhatsAppWebhookOptions {
  /** The app secret (App Dashboard → Settings → Basic); keys `X-Hub-Signature-256`. */
  appSecret: string;
  /** The verify token you typed in the webhook configuration; checked on the GET handshake. */
  verifyToken: string;
  /**
   * Receives each new event once. Awaited: when it throws, the handler answers 500 and forgets
   * the event, so Meta's retry delivers it again.
   */
  onEvent: (event: WhatsAppWebhookEvent) => void | Promise<void>;
  /**
   * Remembers handled notifications (Meta retries failed deliveries for up to 7 days). Pass
   * an `OtpStore` to share it between instances.
   * @default createMemorySeenStore()
   */
  seen?: WebhookSeenStore;
  /** How long a handled notification is remembered, ms. Meta retries for 7 days. @default 691200000 (8 days) */
  seenTtlMs?: number;
  /** Key prefix in the `seen` store. @default "otpkit:whatsapp-webhook:" */
  seenKeyPrefix?: string;
  /** Largest POST body read, bytes (Meta batches up to 1000 updates). @default 4194304 (4 MiB) */
  maxBodyBytes?: number;
  /**
   * Button payloads that mean "I didn't request a code".
   * @default ["DID_NOT_REQUEST_CODE"]
   */
  fraudPayloads?: readonly string[];
}

/** A web-standard request handler (`Request` → `Response`), mountable in Hono, Next.js, Deno, Bun. */
export type WhatsAppWebhookHandler = (request: Request) => Promise<Response>;

const DAY = 86_400_000;
const encoder = new TextEncoder();

/**
 * Creates the handler for Meta's WhatsApp webhook: the GET verification handshake and the
 * POSTed notifications.
 *
 * - GET: `hub.mode=subscribe` and `hub.verify_token` equal to `verifyToken` (compared in constant
 *   time) → 200 with `hub.challenge`; anything else → 403.
 * - POST: the raw body is read (up to `maxBodyBytes`, else 413) and its `X-Hub-Signature-256`
 *   checked in constant time BEFORE anything is parsed: missing → 401, wrong → 403. A signed
 *   body that is not JSON → 400. Otherwise `statuses` (sent / delivered / read / failed) become
 *   `delivery_status` events and "I didn't request a code" button replies `fraud_signal` events,
 *   each once (duplicates are dropped through `seen`), then 200, also when nothing was recognised.
 * - Any other method → 405.
 *
 * A failing `seen` store gives 503 and a throwing `onEvent` 500, so that Meta retries.
 *
 * @param options Secrets, the event callback and the de-duplication store.
 * @returns `(request: Request) => Promise<Response>`.
 * @throws {OtpError} `CONFIG_INVALID` naming the option at fault.
 * @example
 * ```ts
 * const webhook = createWhatsAppWebhookHandler({
 *   appSecret: process.env.WA_APP_SECRET!,
 *   verifyToken: process.env.WA_VERIFY_TOKEN!,
 *   onEvent: (event) => audit.record(event),
 * });
 * app.all("/webhooks/whatsapp", (c) => webhook(c.req.raw)); // Hono
 * ```
 */
export function createWhatsAppWebhookHandler(
  options: WhatsAppWebhookOptions,
): WhatsAppWebhookHandler {
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options);
  }
  // Secrets are never shown in error messages, only their type or length.
  if (typeof options.appSecret !== "string" || options.appSecret.length === 0) {
    throw configError("appSecret", "the app secret (a non-empty string)", typeof options.appSecret);
  }
  if (typeof options.verifyToken !== "string" || options.verifyToken.length === 0) {
    throw configError("verifyToken", "a non-empty string", typeof options.verifyToken);
  }
  if (typeof options.onEvent !== "function") {
    throw configError("onEvent", "a function receiving each event", options.onEvent);
  }
  const seen = options.seen ?? createMemorySeenStore();
  if (typeof seen?.compareAndSet !== "function") {
    throw configError("seen", "an OtpStore (or a store with compareAndSet)", seen);
  }
  const seenTtlMs = intOption("seenTtlMs", options.seenTtlMs ?? 8 * DAY, 60_000, 30 * DAY);
  const prefix = options.seenKeyPrefix ?? "otpkit:whatsapp-webhook:";
  if (typeof prefix !== "string") throw configError("seenKeyPrefix", "a string", prefix);
  const maxBodyBytes = intOption(
    "maxBodyBytes",
    options.maxBodyBytes ?? 4 * 1024 * 1024,
    1024,
    64 * 1024 * 1024,
  );
  const fraudPayloads = new Set(options.fraudPayloads ?? ["DID_NOT_REQUEST_CODE"]);
  const onEvent = options.onEvent;
  const verifyToken = options.verifyToken;
  // Imported once, lazily: the handler may be created where WebCrypto is not ready yet.
  let key: Promise<CryptoKey> | undefined;
  const hmacKey = () => {
    key ??= crypto.subtle.importKey(
      "raw",
      encoder.encode(options.appSecret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    return key;
  };

  async function handshake(url: URL): Promise<Response> {
    const mode = url.searchParams.get("hub.mode");
    const token = url.searchParams.get("hub.verify_token");
    const challenge = url.searchParams.get("hub.challenge");
    if (mode !== "subscribe" || token === null || challenge === null) return text(403, "Forbidden");
    // Why hash first: SHA-256 of both sides gives equal lengths, so the comparison leaks neither
    // the token's characters nor its length.
    const [want, got] = await Promise.all([sha256(verifyToken), sha256(token)]);
    if (!constantTimeEqual(want, got)) return text(403, "Forbidden");
    return text(200, challenge);
  }

  async function notification(request: Request): Promise<Response> {
    const header = request.headers.get("x-hub-signature-256");
    if (header === null) return text(401, "Missing X-Hub-Signature-256");
    const raw = await readBody(request, maxBodyBytes);
    if (raw === "too_large") return text(413, "Payload Too Large");
    // The signature covers the exact bytes received: re-serialised JSON would not match.
    const expected = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(), raw));
    const given = parseSignature(header);
    // Why constant time: a byte-by-byte early exit would let an attacker find the right MAC for
    // a forged body one byte at a time. Nothing of the body is parsed before this check.
    if (given === undefined || !constantTimeEqual(expected, given)) {
      return text(403, "Invalid signature");
    }
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
    } catch {
      return text(400, "Body is not JSON");
    }
    for (const [dedupeKey, event] of eventsOf(payload, fraudPayloads)) {
      const fullKey = `${prefix}${dedupeKey}`;
      let fresh: boolean;
      try {
        fresh = await seen.compareAndSet(fullKey, null, "1", seenTtlMs);
      } catch {
        // Without the de-duplication memory we cannot tell new from repeated: let Meta retry.
        return text(503, "Seen store unavailable");
      }
      if (!fresh) continue;
      try {
        await onEvent(event);
      } catch {
        // Forget it so Meta's retry of this notification reaches onEvent again; 500 asks for it.
        await seen.compareAndSet(fullKey, "1", null, 1).catch(() => undefined);
        return text(500, "Event handler failed");
      }
    }
    return text(200, "OK");
  }

  return async (request) => {
    if (request.method === "GET") return handshake(new URL(request.url));
    if (request.method === "POST") return notification(request);
    return new Response("Method Not Allowed", {
      status: 405,
      headers: { Allow: "GET, POST", "Content-Type": "text/plain; charset=utf-8" },
    });
  };
}

function text(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

async function sha256(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(value)));
}

/** `sha256=<64 hex>` → 32 bytes, or `undefined` for anything else. */
function parseSignature(header: string): Uint8Array | undefined {
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return undefined;
  const hex = match[1]!;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Reads the body as bytes, giving up past `max` without buffering the rest. */
async function readBody(
  request: Request,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | "too_large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > max) return "too_large";
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return "too_large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
