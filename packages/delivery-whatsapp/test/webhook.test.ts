import { createHmac } from "node:crypto";
import { createMemoryStore } from "@otpkit/otp-core";
import { describe, expect, test } from "vitest";
import type { WhatsAppWebhookEvent, WhatsAppWebhookOptions } from "../src/index.js";
import { createWhatsAppWebhookHandler } from "../src/index.js";

const APP_SECRET = "0123456789abcdef0123456789abcdef";
const VERIFY_TOKEN = "verify-me-7f3a9c2e5b1d";
const URL_BASE = "https://otp.acme.test/webhooks/whatsapp";

function setup(options: Partial<WhatsAppWebhookOptions> = {}) {
  const events: WhatsAppWebhookEvent[] = [];
  const handler = createWhatsAppWebhookHandler({
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    onEvent: (event) => {
      events.push(event);
    },
    ...options,
  });
  return { handler, events };
}

function sign(body: string, secret = APP_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

function post(body: string, signature: string | null = sign(body)): Request {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (signature !== null) headers.set("X-Hub-Signature-256", signature);
  return new Request(URL_BASE, { method: "POST", headers, body });
}

function handshake(params: Record<string, string>): Request {
  return new Request(`${URL_BASE}?${new URLSearchParams(params)}`);
}

/** A status notification as Meta sends it (webhooks/reference/messages/status). */
function statusNotification(
  statuses: Array<Record<string, unknown>>,
  messages: Array<Record<string, unknown>> = [],
): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
              ...(statuses.length > 0 ? { statuses } : {}),
              ...(messages.length > 0 ? { messages } : {}),
            },
          },
        ],
      },
    ],
  });
}

const delivered = {
  id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA",
  status: "delivered",
  timestamp: "1750030073",
  recipient_id: "34600123478",
  biz_opaque_callback_data: "dlv-1",
  pricing: { billable: true, pricing_model: "PMP", type: "regular", category: "authentication" },
};

describe("GET verification handshake", () => {
  test("the right token echoes the challenge", async () => {
    const { handler } = setup();
    const response = await handler(
      handshake({
        "hub.mode": "subscribe",
        "hub.verify_token": VERIFY_TOKEN,
        "hub.challenge": "1158201444",
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("1158201444");
  });

  test.each([
    [
      "a wrong token",
      {
        "hub.mode": "subscribe",
        "hub.verify_token": "verify-me-7f3a9c2e5b1e",
        "hub.challenge": "1",
      },
    ],
    [
      "a token prefix",
      { "hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "1" },
    ],
    ["no token", { "hub.mode": "subscribe", "hub.challenge": "1" }],
    [
      "another mode",
      { "hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1" },
    ],
    ["no challenge", { "hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN }],
  ])("%s is 403", async (_, params) => {
    const { handler } = setup();
    const response = await handler(handshake(params));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("1158201444");
  });
});

describe("POST signature", () => {
  test("a correctly signed notification is accepted and parsed", async () => {
    const { handler, events } = setup();
    const response = await handler(post(statusNotification([delivered])));
    expect(response.status).toBe(200);
    expect(events).toEqual([
      {
        type: "delivery_status",
        messageId: delivered.id,
        status: "delivered",
        at: 1_750_030_073_000,
        recipient: "***78",
        deliveryId: "dlv-1",
        phoneNumberId: "106540352242922",
        error: undefined,
        pricingCategory: "authentication",
      },
    ]);
  });

  test("signed with the wrong secret: 403, nothing parsed", async () => {
    const { handler, events } = setup();
    const body = statusNotification([delivered]);
    expect((await handler(post(body, sign(body, "another-app-secret")))).status).toBe(403);
    expect(events).toEqual([]);
  });

  test("an altered body: 403, nothing parsed", async () => {
    const { handler, events } = setup();
    const body = statusNotification([delivered]);
    const altered = body.replace('"delivered"', '"read"');
    expect((await handler(post(altered, sign(body)))).status).toBe(403);
    expect(events).toEqual([]);
  });

  test("re-serialised JSON does not match: the signature is over the exact bytes", async () => {
    const { handler } = setup();
    const body = statusNotification([delivered]);
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    expect((await handler(post(pretty, sign(body)))).status).toBe(403);
  });

  test("a missing header: 401, nothing parsed", async () => {
    const { handler, events } = setup();
    expect((await handler(post(statusNotification([delivered]), null))).status).toBe(401);
    expect(events).toEqual([]);
  });

  test.each([
    ["sha1=", (body: string) => sign(body).replace("sha256=", "sha1=")],
    ["no prefix", (body: string) => sign(body).slice("sha256=".length)],
    ["truncated", (body: string) => sign(body).slice(0, -2)],
    ["not hex", (_body: string) => `sha256=${"z".repeat(64)}`],
  ])("a malformed header (%s): 403", async (_, header) => {
    const { handler, events } = setup();
    const body = statusNotification([delivered]);
    expect((await handler(post(body, header(body)))).status).toBe(403);
    expect(events).toEqual([]);
  });

  test("bad JSON: unsigned is refused before parsing (401/403), signed is 400", async () => {
    const { handler } = setup();
    expect((await handler(post("{not json", null))).status).toBe(401);
    expect((await handler(post("{not json", sign("{other}")))).status).toBe(403);
    expect((await handler(post("{not json"))).status).toBe(400);
  });

  test("signed content we do not know is acknowledged with 200 and no event", async () => {
    const { handler, events } = setup();
    for (const body of [
      "{}",
      "[]",
      "null",
      JSON.stringify({ object: "page", entry: [] }),
      JSON.stringify({
        object: "whatsapp_business_account",
        entry: [{ changes: [{ field: "account_update", value: {} }] }],
      }),
      statusNotification([{ ...delivered, status: "played" }, { status: "sent" }]),
      statusNotification(
        [],
        [{ id: "wamid.in1", from: "34600123478", type: "text", text: { body: "hi" } }],
      ),
    ]) {
      expect((await handler(post(body))).status).toBe(200);
    }
    expect(events).toEqual([]);
  });

  test("a body over maxBodyBytes is 413 before the signature is computed", async () => {
    const { handler } = setup({ maxBodyBytes: 1024 });
    const body = JSON.stringify({ pad: "x".repeat(2048) });
    expect((await handler(post(body))).status).toBe(413);
  });

  test("other methods are 405", async () => {
    const { handler } = setup();
    const response = await handler(new Request(URL_BASE, { method: "PUT", body: "{}" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, POST");
  });
});

describe("events", () => {
  test("sent, delivered, read, failed with its error code and title", async () => {
    const { handler, events } = setup();
    const failed = {
      ...delivered,
      id: "wamid.failed1",
      status: "failed",
      errors: [
        {
          code: 131026,
          title: "Message undeliverable",
          message: "Message undeliverable",
          error_data: { details: "Message Undeliverable." },
        },
      ],
    };
    const body = statusNotification([
      { ...delivered, status: "sent" },
      delivered,
      { ...delivered, status: "read" },
      failed,
    ]);
    expect((await handler(post(body))).status).toBe(200);
    expect(events.map((e) => e.type === "delivery_status" && [e.status, e.error?.code])).toEqual([
      ["sent", undefined],
      ["delivered", undefined],
      ["read", undefined],
      ["failed", 131026],
    ]);
    expect(events[3]).toMatchObject({
      messageId: "wamid.failed1",
      deliveryId: "dlv-1",
      error: { code: 131026, title: "Message undeliverable" },
    });
  });

  test("a duplicate notification (Meta retries for days) is ignored; a new status is not", async () => {
    const { handler, events } = setup();
    const body = statusNotification([delivered]);
    for (let i = 0; i < 3; i++) expect((await handler(post(body))).status).toBe(200);
    expect(events).toHaveLength(1);
    // The same status inside another batch is still a duplicate.
    await handler(post(statusNotification([{ ...delivered, status: "read" }, delivered])));
    expect(events.map((e) => e.type === "delivery_status" && e.status)).toEqual([
      "delivered",
      "read",
    ]);
  });

  test("a timestamp that is no time (too large, a fraction of a millisecond) gives at: undefined", async () => {
    const { handler, events } = setup();
    const stamps = ["1e300", "99999999999999999999", "0.0001", "-5", "NaN", "1750030073.5"];
    const statuses = stamps.map((timestamp, i) => ({ ...delivered, id: `wamid.t${i}`, timestamp }));
    expect((await handler(post(statusNotification(statuses)))).status).toBe(200);
    expect(events.map((e) => e.at)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1_750_030_073_500,
    ]);
  });

  test("an OtpStore works as the shared seen store", async () => {
    const store = createMemoryStore();
    const a = setup({ seen: store });
    const b = setup({ seen: store });
    const body = statusNotification([delivered]);
    await a.handler(post(body));
    await b.handler(post(body));
    expect(a.events.length + b.events.length).toBe(1);
  });

  test("when onEvent throws: 500 and the event is delivered again on Meta's retry", async () => {
    let fail = true;
    const events: WhatsAppWebhookEvent[] = [];
    const { handler } = setup({
      onEvent: (event) => {
        if (fail) throw new Error("database down");
        events.push(event);
      },
    });
    const body = statusNotification([delivered]);
    expect((await handler(post(body))).status).toBe(500);
    fail = false;
    expect((await handler(post(body))).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  test('"I didn\'t request a code" becomes a fraud_signal, once', async () => {
    const { handler, events } = setup();
    const tap = {
      context: { from: "15550783881", id: delivered.id },
      from: "34600123478",
      id: "wamid.tap1",
      timestamp: "1750030100",
      type: "button",
      button: { payload: "DID_NOT_REQUEST_CODE", text: "I didn't request a code" },
    };
    const body = statusNotification([], [tap]);
    await handler(post(body));
    await handler(post(body));
    expect(events).toEqual([
      {
        type: "fraud_signal",
        messageId: "wamid.tap1",
        replyTo: delivered.id,
        from: "***78",
        at: 1_750_030_100_000,
        payload: "DID_NOT_REQUEST_CODE",
        phoneNumberId: "106540352242922",
      },
    ]);
  });

  test("the fraud button also counts as an interactive reply; other buttons do not", async () => {
    const { handler, events } = setup({ fraudPayloads: ["DID_NOT_REQUEST_CODE", "NOT_ME"] });
    await handler(
      post(
        statusNotification(
          [],
          [
            {
              id: "wamid.tap2",
              from: "34600123478",
              type: "interactive",
              interactive: {
                type: "button_reply",
                button_reply: { id: "NOT_ME", title: "Not me" },
              },
            },
            {
              id: "wamid.tap3",
              from: "34600123478",
              type: "button",
              button: { payload: "THANKS", text: "Thanks" },
            },
          ],
        ),
      ),
    );
    expect(events.map((e) => e.type === "fraud_signal" && [e.messageId, e.payload])).toEqual([
      ["wamid.tap2", "NOT_ME"],
    ]);
  });
});

describe("configuration", () => {
  test.each([
    ["appSecret", { appSecret: "" }],
    ["verifyToken", { verifyToken: undefined }],
    ["onEvent", { onEvent: "log" }],
    ["seen", { seen: {} }],
    ["maxBodyBytes", { maxBodyBytes: 10 }],
  ])("a bad %s is CONFIG_INVALID naming it, without secrets", (field, patch) => {
    let error: unknown;
    try {
      setup(patch as Partial<WhatsAppWebhookOptions>);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "CONFIG_INVALID", field });
    expect(String((error as Error).message)).not.toContain(APP_SECRET);
    expect(String((error as Error).message)).not.toContain(VERIFY_TOKEN);
  });
});

describe("a failing seen store", () => {
  test("answers 503 so Meta retries, and reports nothing", async () => {
    const { handler, events } = setup({
      seen: {
        compareAndSet: async () => {
          throw new Error("redis down");
        },
      },
    });
    expect((await handler(post(statusNotification([delivered])))).status).toBe(503);
    expect(events).toEqual([]);
  });
});
