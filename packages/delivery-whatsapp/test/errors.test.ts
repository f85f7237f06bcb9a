import type { OtpErrorCode, OtpMessage } from "@otpkit/otp-core";
import { createTestMessage, otpErrorOf } from "@otpkit/otp-testing";
import type { FakeGraphApi, FakeGraphError } from "@otpkit/otp-testing/fake-graph-api";
import { startFakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { WhatsAppChannelOptions } from "../src/index.js";
import { createWhatsAppChannel, WhatsAppGraphError } from "../src/index.js";
import { expectNoSecrets } from "./support/secrets.js";

const CODE = "482913";
const TO = "+34600123478";

let graph: FakeGraphApi;
beforeEach(async () => {
  graph = await startFakeGraphApi();
});
afterEach(async () => {
  await graph.close();
});

function channel(options: Partial<WhatsAppChannelOptions> = {}) {
  return createWhatsAppChannel({
    phoneNumberId: graph.phoneNumberId,
    accessToken: graph.accessToken,
    baseUrl: graph.url,
    ...options,
  });
}

function message(overrides: Partial<OtpMessage> = {}): OtpMessage {
  return createTestMessage("code", { phone: TO }, { address: "phone", code: CODE, ...overrides });
}

// Meta's message and details here quote the code, as a parameter error might: none of it may
// reach our error.
const leaky = (error: FakeGraphError): FakeGraphError => ({
  message: `(#${error.code}) Parameter ${CODE} rejected`,
  details: `The parameter "${CODE}" for button 0 is not valid`,
  ...error,
});

describe("Graph API errors are classified by error.code", () => {
  const retryable: Array<[number, OtpErrorCode, number?]> = [
    [130429, "PROVIDER_THROTTLED", 429],
    [131056, "PROVIDER_THROTTLED"],
    [80007, "PROVIDER_THROTTLED"],
    [4, "PROVIDER_THROTTLED", 403],
    [613, "PROVIDER_THROTTLED"],
    [1, "DELIVERY_FAILED", 500],
    [2, "DELIVERY_FAILED", 503],
    [131000, "DELIVERY_FAILED", 500],
    [131016, "DELIVERY_FAILED", 503],
    [131057, "DELIVERY_FAILED"],
  ];
  const permanent: Array<[number, OtpErrorCode, number?]> = [
    [132000, "PROVIDER_REJECTED"],
    [132001, "PROVIDER_REJECTED", 404],
    [132012, "PROVIDER_REJECTED"],
    [132015, "PROVIDER_REJECTED"],
    [190, "PROVIDER_REJECTED", 401],
    [131047, "PROVIDER_REJECTED"],
    [131051, "PROVIDER_REJECTED"],
    [368, "PROVIDER_REJECTED", 403],
    [100, "PROVIDER_REJECTED"],
    [131048, "PROVIDER_REJECTED"],
    [131042, "PROVIDER_REJECTED"],
    [10, "PROVIDER_REJECTED", 403],
    [200, "PROVIDER_REJECTED", 403],
    [131026, "RECIPIENT_INVALID"],
    [131030, "RECIPIENT_INVALID"],
    [131049, "DELIVERY_FAILED"],
    [137000, "DELIVERY_FAILED"],
  ];

  test.each(retryable)("%i → %s, retryable", async (code, expected, httpStatus = 400) => {
    graph.failNext(leaky({ code, httpStatus, subcode: 2494055 }));
    const error = await otpErrorOf(channel({ pacing: false }).send(message()));
    expect(error.code).toBe(expected);
    expect(error.retryable).toBe(true);
    expect(error.source).toBe("whatsapp");
    expect(error.details).toMatchObject({ graphCode: code, graphSubcode: 2494055, httpStatus });
    expect(error.details?.["fbtraceId"]).toMatch(/^A[\w-]+$/);
    expect(error.cause).toBeInstanceOf(WhatsAppGraphError);
    expectNoSecrets(error, CODE, graph.accessToken);
  });

  test.each(permanent)("%i → %s, permanent", async (code, expected, httpStatus = 400) => {
    graph.failNext(leaky({ code, httpStatus }));
    const error = await otpErrorOf(channel({ pacing: false }).send(message()));
    expect(error.code).toBe(expected);
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ graphCode: code, graphSubcode: null, httpStatus });
    expect((error.cause as WhatsAppGraphError).graphCode).toBe(code);
    expectNoSecrets(error, CODE, graph.accessToken);
  });

  test("an unknown code is retryable only when Meta marks it transient or the status is 5xx", async () => {
    const c = channel({ pacing: false });
    graph.failNext({ code: 999_999, isTransient: true });
    expect(await otpErrorOf(c.send(message()))).toMatchObject({
      code: "DELIVERY_FAILED",
      retryable: true,
    });
    graph.failNext({ code: 999_998, httpStatus: 502 });
    expect(await otpErrorOf(c.send(message()))).toMatchObject({
      code: "DELIVERY_FAILED",
      retryable: true,
    });
    graph.failNext({ code: 999_997, httpStatus: 400 });
    expect(await otpErrorOf(c.send(message()))).toMatchObject({
      code: "DELIVERY_FAILED",
      retryable: false,
    });
  });

  test("the HTTP status does not decide: 131056 with 400 and 190 with 500 are classified by code", async () => {
    const c = channel({ pacing: false });
    graph.failNext({ code: 131056, httpStatus: 400 });
    expect(await otpErrorOf(c.send(message()))).toMatchObject({
      code: "PROVIDER_THROTTLED",
      retryable: true,
    });
    graph.failNext({ code: 190, httpStatus: 500 });
    expect(await otpErrorOf(c.send(message()))).toMatchObject({
      code: "PROVIDER_REJECTED",
      retryable: false,
    });
  });
});

describe("failures without a Graph error envelope", () => {
  test("an HTML 502 from a proxy is retryable", async () => {
    graph.respondNext(502, `<html>Bad gateway ${CODE}</html>`);
    const error = await otpErrorOf(channel().send(message()));
    expect(error).toMatchObject({ code: "DELIVERY_FAILED", retryable: true });
    expect(error.details).toMatchObject({ graphCode: null, httpStatus: 502 });
    expectNoSecrets(error, CODE);
  });

  test("a 429 without a code is a retryable throttle", async () => {
    graph.respondNext(429, "slow down", "text/plain");
    expect(await otpErrorOf(channel().send(message()))).toMatchObject({
      code: "PROVIDER_THROTTLED",
      retryable: true,
    });
  });

  test("a 200 without a message id is not retried (the message may have gone out)", async () => {
    graph.respondNext(200, JSON.stringify({ messaging_product: "whatsapp" }), "application/json");
    expect(await otpErrorOf(channel().send(message()))).toMatchObject({
      code: "DELIVERY_FAILED",
      retryable: false,
    });
  });

  test("a dropped connection is a retryable network error", async () => {
    graph.dropNext();
    const error = await otpErrorOf(channel().send(message()));
    expect(error).toMatchObject({ code: "DELIVERY_FAILED", retryable: true });
    expect(error.details).toMatchObject({ reason: "network" });
    expect(error.cause).toBeUndefined();
    expectNoSecrets(error, CODE, graph.accessToken);
  });

  test("nothing listening is a retryable network error", async () => {
    const url = graph.url;
    await graph.close();
    const c = createWhatsAppChannel({
      phoneNumberId: "1",
      accessToken: "test-token-for-a-closed-port",
      baseUrl: url,
    });
    const error = await otpErrorOf(c.send(message()));
    expect(error).toMatchObject({ code: "DELIVERY_FAILED", retryable: true });
    expect(error.details).toMatchObject({ reason: "network", systemCode: "ECONNREFUSED" });
    graph = await startFakeGraphApi(); // for afterEach
  });

  test("a fetch that throws the request back at us does not leak it", async () => {
    const c = channel({
      fetch: async (_url, init) => {
        throw new Error(`failed to send ${String(init?.body)}`);
      },
    });
    const error = await otpErrorOf(c.send(message()));
    expect(error).toMatchObject({ code: "DELIVERY_FAILED", retryable: true });
    expectNoSecrets(error, CODE, graph.accessToken);
  });
});

describe("the fake checks request shape the way Meta documents it", () => {
  test("a wrong token, phone number id or API version is refused with Meta's envelope", async () => {
    const wrongToken = await otpErrorOf(
      channel({ accessToken: "EAAGwrongwrongwrongwrong" }).send(message()),
    );
    expect(wrongToken).toMatchObject({
      code: "PROVIDER_REJECTED",
      details: { graphCode: 190, httpStatus: 401 },
    });
    expectNoSecrets(wrongToken, "EAAGwrongwrongwrongwrong");
    const wrongId = await otpErrorOf(channel({ phoneNumberId: "999" }).send(message()));
    expect(wrongId).toMatchObject({ code: "PROVIDER_REJECTED", details: { graphCode: 100 } });
    const wrongVersion = await otpErrorOf(channel({ graphVersion: "v24.0" }).send(message()));
    expect(wrongVersion).toMatchObject({ code: "PROVIDER_REJECTED", details: { graphCode: 100 } });
    expect(graph.accepted).toHaveLength(0);
  });

  test("an unknown template or an unapproved language is 132001", async () => {
    const unknown = await otpErrorOf(
      channel({ templates: { code: "login_code" } }).send(message()),
    );
    expect(unknown).toMatchObject({
      code: "PROVIDER_REJECTED",
      details: { graphCode: 132001, httpStatus: 404 },
    });
    const french = await otpErrorOf(
      channel({ languages: ["fr"], defaultLanguage: "fr" }).send(message({ locale: "fr-FR" })),
    );
    expect(french).toMatchObject({ details: { graphCode: 132001 } });
  });

  test("a code template sent as a utility template is a parameter mismatch (132000)", async () => {
    const swapped = await otpErrorOf(
      channel({ templates: { lockout: "tmpl_otp_code" } }).send(
        createTestMessage("lockout", { phone: TO }, { address: "phone" }),
      ),
    );
    expect(swapped).toMatchObject({ code: "PROVIDER_REJECTED", details: { graphCode: 132000 } });
  });

  test("hand-made wrong bodies get Meta's 400 envelope", async () => {
    const good = {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: TO,
      type: "template",
      biz_opaque_callback_data: "d-1",
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
    };
    const post = async (body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(
        `${graph.url}/${graph.version}/${graph.phoneNumberId}/messages`,
        {
          method: "POST",
          headers: {
            Authorization: `Bearer ${graph.accessToken}`,
            "Content-Type": "application/json",
            ...headers,
          },
          body: JSON.stringify(body),
        },
      );
      const json = (await response.json()) as {
        error?: { code: number; fbtrace_id: string; type: string; message: string };
      };
      return { status: response.status, code: json.error?.code, error: json.error };
    };
    const button = (patch: Record<string, unknown>) => ({
      ...good,
      template: {
        ...good.template,
        components: [good.template.components[0], { ...good.template.components[1], ...patch }],
      },
    });
    expect((await post(good)).status).toBe(200);
    // The trap: copy_code is the marketing coupon button, not the OTP button.
    expect(await post(button({ sub_type: "copy_code" }))).toMatchObject({
      status: 400,
      code: 131009,
    });
    expect(await post(button({ index: "1" }))).toMatchObject({ status: 400, code: 131009 });
    expect(await post(button({ parameters: [{ type: "text", text: "000000" }] }))).toMatchObject({
      code: 132012,
    });
    expect(
      await post({
        ...good,
        template: { ...good.template, components: [good.template.components[0]] },
      }),
    ).toMatchObject({ status: 400, code: 132000 });
    const long = "1234567890123456";
    expect(
      await post({
        ...good,
        template: {
          ...good.template,
          components: good.template.components.map((c) => ({
            ...c,
            parameters: [{ type: "text", text: long }],
          })),
        },
      }),
    ).toMatchObject({ status: 400, code: 131009 });
    expect(await post({ ...good, messaging_product: undefined })).toMatchObject({ code: 100 });
    expect(await post({ ...good, type: "text" })).toMatchObject({ code: 100 });
    expect(await post({ ...good, to: "34600123478" })).toMatchObject({ code: 131009 });
    expect(await post({ ...good, biz_opaque_callback_data: undefined })).toMatchObject({
      code: 100,
    });
    expect(await post(good, { "Content-Type": "text/plain" })).toMatchObject({ code: 100 });
    const envelope = (await post(good, { Authorization: "Bearer nope" })).error;
    expect(envelope).toMatchObject({ code: 190, type: "OAuthException" });
    expect(typeof envelope?.fbtrace_id).toBe("string");
    expect(typeof envelope?.message).toBe("string");
  });
});
