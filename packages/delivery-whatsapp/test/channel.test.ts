import type { OtpMessage } from "@otpkit/otp-core";
import { OtpError } from "@otpkit/otp-core";
import { createTestMessage, otpErrorOf } from "@otpkit/otp-testing";
import type { FakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { startFakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { WhatsAppChannelOptions } from "../src/index.js";
import { createWhatsAppChannel, DEFAULT_GRAPH_VERSION } from "../src/index.js";
import { expectNoSecrets, findSecret } from "./support/secrets.js";

const CODE = "482913";
const ADA = "+34600123478";
const BOB = "+15550100099";

let graph: FakeGraphApi;
let t: number;
beforeEach(async () => {
  graph = await startFakeGraphApi();
  t = Date.UTC(2026, 10, 22, 10, 0, 0);
});
afterEach(async () => {
  await graph.close();
});

function channel(options: Partial<WhatsAppChannelOptions> = {}) {
  return createWhatsAppChannel({
    phoneNumberId: graph.phoneNumberId,
    accessToken: graph.accessToken,
    baseUrl: graph.url,
    now: () => t,
    ...options,
  });
}

function message(kind: OtpMessage["kind"], to: string, overrides: Partial<OtpMessage> = {}) {
  const m = createTestMessage(kind, { phone: to }, { address: "phone", ...overrides });
  // Expiry on the test clock, not the wall clock.
  return m.expiresAt === undefined ? m : { ...m, expiresAt: t + 600_000, ...overrides };
}

describe("requests", () => {
  test("a code goes out as Meta documents it", async () => {
    const receipt = await channel().send(message("code", ADA, { code: CODE, deliveryId: "dlv-1" }));
    expect(receipt.messageId).toBe(graph.accepted[0]?.messageId);
    expect(receipt.messageId).toMatch(/^wamid\./);
    const [request] = graph.requests;
    expect(request).toMatchObject({
      method: "POST",
      path: `/${DEFAULT_GRAPH_VERSION}/${graph.phoneNumberId}/messages`,
      authorization: `Bearer ${graph.accessToken}`,
      contentType: "application/json",
    });
    expect(JSON.parse(request!.raw)).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: ADA,
      type: "template",
      biz_opaque_callback_data: "dlv-1",
      template: {
        name: "tmpl_otp_code",
        language: { code: "en_US" },
        components: [
          { type: "body", parameters: [{ type: "text", text: CODE }] },
          {
            type: "button",
            sub_type: "url",
            index: "0",
            parameters: [{ type: "text", text: CODE }],
          },
        ],
      },
    });
  });

  test("the locale picks the template language, with fallback", async () => {
    const c = channel({ languages: ["en_US", "es_MX", "es"], pacing: false });
    await c.send(message("code", ADA, { code: CODE, locale: "es-MX" }));
    await c.send(message("retry", ADA, { code: CODE, locale: "es-AR" }));
    await c.send(message("lockout", ADA, { locale: "de-DE" }));
    await c.send(message("unlock", ADA, { locale: "es" }));
    expect(graph.accepted.map((m) => [m.template, m.language])).toEqual([
      ["tmpl_otp_code", "es_MX"],
      ["tmpl_otp_retry", "es"],
      ["tmpl_otp_locked", "en_US"],
      ["tmpl_otp_unlocked", "es"],
    ]);
  });

  test("lockout and unlock carry no code, even when the message has one", async () => {
    const c = channel({ pacing: false });
    await c.send(message("lockout", ADA, { code: CODE, lockedUntil: t + 900_000 }));
    await c.send(message("unlock", ADA, { code: CODE }));
    for (const m of graph.accepted) {
      expect(m.raw).not.toContain(CODE);
      expect(JSON.parse(m.raw).template.components).toBeUndefined();
    }
  });

  test("the recipient is normalised to E.164 with the +", async () => {
    await channel().send(message("code", "+34 600-123 (478)", { code: CODE }));
    expect(graph.accepted[0]?.to).toBe(ADA);
  });
});

describe("refused before any request", () => {
  test.each([
    ["no plus", "34600123478"],
    ["00 prefix", "0034600123478"],
    ["leading zero", "+0600123478"],
    ["too short", "+3460012"],
    ["too long", "+3460012347812345"],
    ["letters", "+34600ABC478"],
    ["two numbers", "+34600123478,+15550100099"],
    ["an e-mail address", "ada@example.com"],
    ["empty", ""],
  ])("an invalid E.164 number (%s) is RECIPIENT_INVALID", async (_, to) => {
    const error = await otpErrorOf(channel().send(message("code", ADA, { to, code: CODE })));
    expect(error).toMatchObject({ code: "RECIPIENT_INVALID", retryable: false, field: "to" });
    if (to.length > 3) expect(error.message).not.toContain(to);
    expect(graph.requests).toHaveLength(0);
  });

  test("a code longer than 15 characters, or a missing one, is INVALID_ARGUMENT without the code", async () => {
    const long = "1234567890ABCDEF";
    const error = await otpErrorOf(channel().send(message("code", ADA, { code: long })));
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", retryable: false, field: "code" });
    expectNoSecrets(error, long);
    const missing = await otpErrorOf(channel().send(message("retry", ADA, { code: undefined })));
    expect(missing).toMatchObject({ code: "INVALID_ARGUMENT", field: "code" });
    expect(graph.requests).toHaveLength(0);
  });

  test("an expired code is not sent (it would be a paid message that cannot work)", async () => {
    const error = await otpErrorOf(
      channel().send(message("code", ADA, { code: CODE, expiresAt: t, ttlMs: 0 })),
    );
    expect(error).toMatchObject({
      code: "DELIVERY_FAILED",
      retryable: false,
      details: { reason: "expired" },
    });
    expect(graph.requests).toHaveLength(0);
  });

  test("the expiry check uses the engine's ttlMs, not the channel's clock", async () => {
    // An engine on a fake clock years in the past: expiresAt is long gone by our clock.
    await channel().send(message("code", ADA, { code: CODE, expiresAt: 1_000, ttlMs: 600_000 }));
    expect(graph.accepted).toHaveLength(1);
  });

  test("an over-long delivery id (biz_opaque_callback_data is at most 512) is INVALID_ARGUMENT", async () => {
    const error = await otpErrorOf(
      channel().send(message("code", ADA, { code: CODE, deliveryId: "x".repeat(513) })),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "deliveryId" });
    expect(graph.requests).toHaveLength(0);
  });
});

describe("per-recipient pacing", () => {
  test("a second message to the same number within 6 s is refused locally; another number is not", async () => {
    const c = channel();
    await c.send(message("code", ADA, { code: CODE }));
    t += 2_000;
    const error = await otpErrorOf(c.send(message("retry", ADA, { code: "564738" })));
    expect(error).toMatchObject({
      code: "PROVIDER_THROTTLED",
      retryable: true,
      details: { retryAfterMs: 4_000, local: true, reason: "pacing" },
    });
    expectNoSecrets(error, "564738");
    expect(graph.requests).toHaveLength(1);
    await c.send(message("code", BOB, { code: CODE }));
    expect(graph.requests).toHaveLength(2);
    t += 4_000;
    await c.send(message("retry", ADA, { code: "564738" }));
    expect(graph.accepted.map((m) => m.to)).toEqual([ADA, BOB, ADA]);
  });

  test("the same number in another spelling is the same recipient", async () => {
    const c = channel();
    await c.send(message("code", ADA, { code: CODE }));
    const error = await otpErrorOf(c.send(message("code", "+34 600 123 478", { code: CODE })));
    expect(error.code).toBe("PROVIDER_THROTTLED");
  });

  test("concurrent sends to one number: exactly one reaches Meta", async () => {
    const c = channel();
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => c.send(message("code", ADA, { code: CODE }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(graph.requests).toHaveLength(1);
  });

  test("Meta's explicit refusal gives the slot back; a network error keeps it", async () => {
    const c = channel();
    graph.failNext({ code: 132001, httpStatus: 404 });
    await otpErrorOf(c.send(message("code", ADA, { code: CODE })));
    await c.send(message("code", ADA, { code: CODE })); // not paced: nothing went out before
    t += 6_000;
    graph.dropNext();
    await otpErrorOf(c.send(message("code", ADA, { code: CODE })));
    // The dropped request may have been delivered: still paced.
    expect((await otpErrorOf(c.send(message("code", ADA, { code: CODE })))).code).toBe(
      "PROVIDER_THROTTLED",
    );
  });

  test("Meta's 131056 backs off 4^X s (at least the pacing interval) for that number only", async () => {
    const c = channel();
    const waits: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      graph.failNext({ code: 131056, subcode: 2494055 });
      const error = await otpErrorOf(c.send(message("code", ADA, { code: CODE })));
      expect(error).toMatchObject({ code: "PROVIDER_THROTTLED", retryable: true });
      waits.push(error.details?.["retryAfterMs"]);
      // Refused locally until the backoff has passed.
      const local = await otpErrorOf(c.send(message("code", ADA, { code: CODE })));
      expect(local.details).toMatchObject({ local: true, reason: "backoff" });
      t += Number(error.details?.["retryAfterMs"]);
    }
    expect(waits).toEqual([6_000, 6_000, 16_000, 64_000]);
    await c.send(message("code", BOB, { code: CODE }));
    await c.send(message("code", ADA, { code: CODE }));
    expect(graph.accepted.map((m) => m.to)).toEqual([BOB, ADA]);
  });

  test("minIntervalMs is configurable and pacing: false turns it off", async () => {
    const slow = channel({ pacing: { minIntervalMs: 60_000 } });
    await slow.send(message("code", ADA, { code: CODE }));
    t += 30_000;
    expect(
      (await otpErrorOf(slow.send(message("code", ADA, { code: CODE })))).details,
    ).toMatchObject({
      retryAfterMs: 30_000,
    });
    const off = channel({ pacing: false });
    await off.send(message("code", BOB, { code: CODE }));
    await off.send(message("code", BOB, { code: CODE }));
  });

  test("memory stays bounded: past maxTracked the oldest numbers are forgotten", async () => {
    const c = channel({ pacing: { maxTracked: 2 } });
    await c.send(message("code", ADA, { code: CODE }));
    await c.send(message("code", BOB, { code: CODE }));
    await c.send(message("code", "+447700900123", { code: CODE }));
    await c.send(message("code", ADA, { code: CODE })); // ADA was evicted
    expect(graph.accepted).toHaveLength(4);
  });
});

describe("abort and timeouts", () => {
  test("an already aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await otpErrorOf(
      channel().send(message("code", ADA, { code: CODE }), { signal: controller.signal }),
    );
    expect(error).toMatchObject({ code: "ABORTED", retryable: false });
    expect(graph.requests).toHaveLength(0);
  });

  test("aborting a hung request rejects with ABORTED at once", async () => {
    graph.hangNext();
    const controller = new AbortController();
    const pending = channel().send(message("code", ADA, { code: CODE }), {
      signal: controller.signal,
    });
    await expect.poll(() => graph.requests.length).toBe(1);
    controller.abort();
    const error = await otpErrorOf(pending);
    expect(error).toMatchObject({
      code: "ABORTED",
      retryable: false,
      details: { reason: "AbortError" },
    });
    expectNoSecrets(error, CODE, graph.accessToken);
  });

  test("the caller's timeout is ABORTED and retryable", async () => {
    graph.hangNext();
    const error = await otpErrorOf(
      channel().send(message("code", ADA, { code: CODE }), { signal: AbortSignal.timeout(100) }),
    );
    expect(error).toMatchObject({
      code: "ABORTED",
      retryable: true,
      details: { reason: "TimeoutError" },
    });
  });

  test("the channel's own timeout is a retryable DELIVERY_FAILED", async () => {
    graph.hangNext();
    const error = await otpErrorOf(
      channel({ timeoutMs: 150 }).send(message("code", ADA, { code: CODE })),
    );
    expect(error).toMatchObject({
      code: "DELIVERY_FAILED",
      retryable: true,
      details: { reason: "timeout" },
    });
  });

  test("a fetch that ignores the signal is still cut off", async () => {
    const controller = new AbortController();
    const pending = channel({ fetch: () => new Promise<Response>(() => {}) }).send(
      message("code", ADA, { code: CODE }),
      { signal: controller.signal },
    );
    controller.abort();
    expect((await otpErrorOf(pending)).code).toBe("ABORTED");
  });
});

describe("configuration", () => {
  const base = { phoneNumberId: "106540352242922", accessToken: "EAAGsecretsecretsecret123" };
  test.each([
    ["phoneNumberId", { phoneNumberId: "+34600123478" }],
    ["phoneNumberId", { phoneNumberId: "1/../../me" }],
    ["accessToken", { accessToken: "short" }],
    ["accessToken", { accessToken: "EAAG secret with spaces" }],
    ["graphVersion", { graphVersion: "25" }],
    ["baseUrl", { baseUrl: "http://graph.example.com" }],
    ["baseUrl", { baseUrl: "https://graph.example.com/?x=1" }],
    ["templates.code.name", { templates: { code: "Login Code" } }],
    ["templates.welcome", { templates: { welcome: "x" } as never }],
    ["languages[0]", { languages: ["es-MX"] }],
    ["defaultLanguage", { defaultLanguage: "english" }],
    ["timeoutMs", { timeoutMs: 0 }],
    ["pacing.minIntervalMs", { pacing: { minIntervalMs: -1 } }],
  ])("a bad %s is CONFIG_INVALID naming it", (field, patch) => {
    let error: unknown;
    try {
      createWhatsAppChannel({ ...base, ...patch } as WhatsAppChannelOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OtpError);
    expect(error).toMatchObject({ code: "CONFIG_INVALID", field, source: "whatsapp" });
    expectNoSecrets(error, base.accessToken, "EAAG secret with spaces");
  });

  test("defaults: name, address, https Graph API, current version", () => {
    const calls: string[] = [];
    const c = createWhatsAppChannel({
      ...base,
      fetch: async (url) => {
        calls.push(String(url));
        return Response.json({ messages: [{ id: "wamid.1" }] });
      },
    });
    expect(c.name).toBe("whatsapp");
    expect(c.address).toBe("phone");
    return c.send(message("unlock", ADA)).then(() => {
      expect(calls).toEqual([`https://graph.facebook.com/v25.0/${base.phoneNumberId}/messages`]);
    });
  });

  test("the secret finder used by these tests has teeth", () => {
    const error = new OtpError("DELIVERY_FAILED", "x", {
      cause: new Error("y", { cause: { details: CODE } }),
    });
    expect(findSecret(error, CODE)).not.toBeNull();
  });
});
