import { createHmac } from "node:crypto";
import type { OtpEvent } from "@otpkit/otp-core";
import { createMemoryStore, createOtp } from "@otpkit/otp-core";
import type { FakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { startFakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { WhatsAppWebhookEvent } from "../src/index.js";
import { createWhatsAppChannel, createWhatsAppWebhookHandler } from "../src/index.js";

// Seed 003, end to end through the engine: a wrong code brings a fresh one (tmpl_otp_retry,
// subject to the resend throttle), the exhausted budget a lockout notice (tmpl_otp_locked),
// the end of the lock window an unlock notice; every step in the audit trail.

const PHONE = "+34600123478";
const MINUTE = 60_000;

let graph: FakeGraphApi;
beforeEach(async () => {
  graph = await startFakeGraphApi();
});
afterEach(async () => {
  await graph.close();
});

test("seed 003: retry with a fresh code, lockout, unlock — through createOtp and the Cloud API fake", async () => {
  let t = Date.UTC(2026, 10, 22, 9, 0, 0);
  const now = () => t;
  const events: OtpEvent[] = [];
  const whatsapp = createWhatsAppChannel({
    phoneNumberId: graph.phoneNumberId,
    accessToken: graph.accessToken,
    baseUrl: graph.url,
    languages: ["en_US", "es_MX", "es"],
    now,
  });
  const otp = createOtp({
    store: createMemoryStore({ now }),
    secrets: [{ id: "k1", key: "seed-003-test-secret-0123456789abcdef" }],
    namingKey: "seed-003-test-naming-key-0123456789abcdef",
    channels: [whatsapp],
    retryOnFailure: true,
    maxAttempts: 3,
    lockout: { maxFailures: 4, durationMs: 15 * MINUTE },
    resend: { cooldownMs: 30_000 },
    events: (event) => {
      events.push(event);
    },
    now,
    sleep: async () => {},
    scheduleUnlocks: false,
  });
  const who = { subject: "contact-4711", purpose: "login" };
  const codes = () => graph.accepted.map((m) => m.code);
  const wrong = (...not: Array<string | undefined>) =>
    ["000000", "111111", "222222", "333333"].find((c) => !not.includes(c))!;

  // 1. The code.
  const issued = await otp.issue({ ...who, recipient: { phone: PHONE, locale: "es-MX" } });
  expect(issued).toMatchObject({ status: "issued", channel: "whatsapp", destination: "***78" });
  expect(graph.accepted[0]).toMatchObject({
    template: "tmpl_otp_code",
    language: "es_MX",
    to: PHONE,
  });
  const first = codes()[0]!;
  expect(first).toMatch(/^\d{6}$/);

  // 2. A wrong code 40 s later: a fresh code goes out as tmpl_otp_retry.
  t += 40_000;
  expect(await otp.verify({ ...who, code: wrong(first) })).toMatchObject({
    status: "invalid",
    resent: true,
  });
  expect(graph.accepted[1]).toMatchObject({ template: "tmpl_otp_retry", language: "es_MX" });
  const second = codes()[1]!;
  expect(second).not.toBe(first);

  // 3. The old code 5 s later (the retry message is still on its way): it no longer works, and
  // typing it costs nothing and sends nothing. A wrong code then counts, and the resend throttle
  // holds the next code.
  t += 5_000;
  expect(await otp.verify({ ...who, code: first })).toMatchObject({ status: "replaced" });
  expect(await otp.verify({ ...who, code: wrong(second, first) })).toMatchObject({
    status: "invalid",
    resent: false,
  });
  expect(graph.accepted).toHaveLength(2);

  // 4. Another wrong code after the cooldown: another fresh code.
  t += 40_000;
  expect(await otp.verify({ ...who, code: wrong(first, second) })).toMatchObject({
    status: "invalid",
    resent: true,
  });
  expect(graph.accepted[2]).toMatchObject({ template: "tmpl_otp_retry" });
  const third = codes()[2]!;

  // 5. The budget (4 failures) is spent: locked, and the lockout notice goes out without a code.
  t += 40_000;
  const locked = await otp.verify({ ...who, code: wrong(third) });
  expect(locked).toMatchObject({ status: "locked", lockedUntil: t + 15 * MINUTE });
  expect(graph.accepted[3]).toMatchObject({ template: "tmpl_otp_locked", code: undefined });
  for (const code of [first, second, third]) expect(graph.accepted[3]!.raw).not.toContain(code);

  // While locked, even the right code and a new code are refused; nothing is sent.
  expect(await otp.verify({ ...who, code: third })).toMatchObject({ status: "locked" });
  expect(await otp.issue({ ...who, recipient: { phone: PHONE } })).toMatchObject({
    status: "locked",
  });
  expect(graph.accepted).toHaveLength(4);

  // 6. The window passes. A look at the subject (read-only) shows it unlocked and sends nothing;
  // the unlock notice goes out from the engine's timer (off in this test) or the next write —
  // here the person typing their old code again.
  t += 15 * MINUTE;
  expect(await otp.lookup(who)).toMatchObject({ lockedUntil: null, failures: 0 });
  expect(graph.accepted).toHaveLength(4);
  expect(await otp.verify({ ...who, code: third })).toEqual({ status: "not_found" });
  expect(graph.accepted[4]).toMatchObject({ template: "tmpl_otp_unlocked", code: undefined });
  expect(graph.accepted).toHaveLength(5);

  // 7. Sign-in works again with a fresh budget.
  t += 40_000;
  await otp.issue({ ...who, recipient: { phone: PHONE, locale: "es-MX" } });
  const fresh = codes()[5]!;
  expect(await otp.verify({ ...who, code: fresh })).toMatchObject({ status: "verified" });

  // Every send, attempt and lock is in the audit trail, in order, and no code is.
  const trail = events.map((e) => (e.messageKind ? `${e.type}:${e.messageKind}` : e.type));
  expect(trail).toEqual([
    "issued:code",
    "delivered:code",
    "failed",
    "revoked",
    "issued:retry",
    "delivered:retry",
    "failed",
    "failed",
    "revoked",
    "issued:retry",
    "delivered:retry",
    "failed",
    "locked",
    "delivered:lockout",
    "unlocked",
    "delivered:unlock",
    "issued:code",
    "delivered:code",
    "verified",
  ]);
  const deliveries = events.filter((e) => e.type === "delivered");
  expect(deliveries.map((e) => e.messageId)).toEqual(graph.accepted.map((m) => m.messageId));
  for (const e of deliveries)
    expect(e).toMatchObject({ channel: "whatsapp", destination: "***78" });
  expect(events.find((e) => e.type === "locked")).toMatchObject({
    lockedUntil: locked.status === "locked" ? locked.lockedUntil : 0,
  });
  const text = JSON.stringify(events);
  for (const code of codes()) expect(text).not.toContain(code);

  // Every message carried its own delivery id for webhook matching, and a status webhook for
  // one of them maps back to its `delivered` audit event through the wamid.
  const ids = graph.accepted.map((m) => m.callbackData);
  expect(new Set(ids).size).toBe(ids.length);
  const seen: WhatsAppWebhookEvent[] = [];
  const webhook = createWhatsAppWebhookHandler({
    appSecret: "app-secret-for-seed-003",
    verifyToken: "verify-token-for-seed-003",
    onEvent: (event) => {
      seen.push(event);
    },
  });
  const lockout = graph.accepted[3]!;
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA",
        changes: [
          {
            field: "messages",
            value: {
              statuses: [
                {
                  id: lockout.messageId,
                  status: "read",
                  timestamp: String(Math.floor(t / 1000)),
                  recipient_id: PHONE.slice(1),
                  biz_opaque_callback_data: lockout.callbackData,
                },
              ],
            },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac("sha256", "app-secret-for-seed-003").update(body).digest("hex")}`;
  const response = await webhook(
    new Request("https://otp.acme.test/webhooks/whatsapp", {
      method: "POST",
      headers: { "X-Hub-Signature-256": signature },
      body,
    }),
  );
  expect(response.status).toBe(200);
  expect(seen).toMatchObject([{ status: "read", deliveryId: lockout.callbackData }]);
  const audited = deliveries.find(
    (e) => e.messageId === (seen[0] as { messageId: string }).messageId,
  );
  expect(audited?.messageKind).toBe("lockout");
  await otp.close();
});

test("seed 003 with Meta throttling: a retry refused with 131056 is recorded, not fatal", async () => {
  let t = Date.UTC(2026, 10, 22, 9, 0, 0);
  const now = () => t;
  const events: OtpEvent[] = [];
  const otp = createOtp({
    store: createMemoryStore({ now }),
    secrets: [{ id: "k1", key: "seed-003-test-secret-0123456789abcdef" }],
    namingKey: "seed-003-test-naming-key-0123456789abcdef",
    channels: [
      createWhatsAppChannel({
        phoneNumberId: graph.phoneNumberId,
        accessToken: graph.accessToken,
        baseUrl: graph.url,
        now,
      }),
    ],
    retryOnFailure: true,
    events: (event) => {
      events.push(event);
    },
    now,
    // The engine's backoff between delivery tries moves the clock: 250 ms, 500 ms.
    sleep: async (ms) => {
      t += ms;
    },
    scheduleUnlocks: false,
  });
  const who = { subject: "contact-4712" };
  await otp.issue({ ...who, recipient: { phone: PHONE } });
  t += 40_000;
  graph.failNext({ code: 131056, subcode: 2494055, message: "(#131056) pair rate limit hit" });
  const result = await otp.verify({
    ...who,
    code: graph.accepted[0]!.code === "000000" ? "111111" : "000000",
  });
  // Meta said 131056 once. The channel's retry hint (its back-off, >= 6 s) is longer than the
  // engine would ever wait, so the engine does not hammer Meta: one try, recorded, resend not sent.
  expect(result).toMatchObject({ status: "invalid", resent: false });
  expect(graph.requests).toHaveLength(2);
  const failures = events.filter((e) => e.type === "delivery_failed");
  expect(failures.map((e) => [e.error, e.retryable, e.messageKind])).toEqual([
    ["PROVIDER_THROTTLED", true, "retry"],
  ]);
  // Nothing was lost: the code the person already holds works again.
  expect(await otp.verify({ ...who, code: graph.accepted[0]!.code! })).toMatchObject({
    status: "verified",
  });
  await otp.close();
});
