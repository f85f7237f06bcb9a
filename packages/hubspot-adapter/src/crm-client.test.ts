// The CRM client with the REAL @hubspot/api-client against the fake HubSpot: what each method
// sends and returns, which failures are retried, and that no error carries the token.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js";
import type { OtpError } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CrmClientOptions } from "./crm-client.js";
import { createCrmClient } from "./crm-client.js";
import {
  OTPKIT_CODE_PROPERTY,
  OTPKIT_PROPERTIES,
  OTPKIT_PROPERTY_GROUP,
} from "./crm-properties.js";
import type { FakeHubSpot } from "./testing/fake-hubspot.js";
import { startFakeHubSpot } from "./testing/fake-hubspot.js";

const TOKEN = "pat-na1-0123456789abcdef-static-token";
let fake: FakeHubSpot | undefined;

async function setup(options: Partial<CrmClientOptions> = {}) {
  let clock = Date.parse("2026-03-01T10:00:00Z");
  const sleeps: number[] = [];
  const now = () => clock;
  fake = await startFakeHubSpot({ now, portals: [{ portalId: 101, accessToken: TOKEN }] });
  const portal = fake.portal(101);
  const crm = createCrmClient({
    portalId: 101,
    accessToken: async () => TOKEN,
    basePath: fake.url,
    now,
    // Waits cost no real time: the clock jumps.
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0,
    ...options,
  });
  return { fake, portal, crm, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<OtpError> {
  try {
    await promise;
  } catch (error) {
    if (isOtpError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("createCrmClient: records", () => {
  it("reads contacts by id and by e-mail, and answers undefined for unknown ones", async () => {
    const { portal, crm } = await setup();
    const id = portal.addContact({
      properties: { email: "ana@example.com", phone: "0171 2345678" },
    });
    const contact = await crm.getContact(id, ["email", "phone"]);
    expect(contact?.id).toBe(id);
    expect(contact?.properties).toMatchObject({ email: "ana@example.com", phone: "0171 2345678" });
    expect((await crm.getContactByEmail("ana@example.com", ["phone"]))?.id).toBe(id);
    expect(await crm.getContact("999999", ["email"])).toBeUndefined();
    expect(await crm.getContactByEmail("nobody@example.com", ["email"])).toBeUndefined();
  });

  it("writes contact properties with one PATCH", async () => {
    const { fake, portal, crm } = await setup();
    const id = portal.addContact({ properties: { email: "ana@example.com", lastname: "Doe" } });
    await crm.updateContact(id, { firstname: "Ana", lastname: "" });
    expect(portal.contact(id)?.["firstname"]).toBe("Ana");
    expect(portal.contact(id)?.["lastname"] ?? "").toBe(""); // "" clears a value
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `PATCH /crm/v3/objects/contacts/${id} 200`,
    ]);
  });

  it("searches contacts by a property", async () => {
    const { portal, crm } = await setup();
    const a = portal.addContact({ properties: { email: "a@example.com", company: "Acme" } });
    portal.addContact({ properties: { email: "b@example.com", company: "Other" } });
    const found = await crm.searchContactsByProperty("company", "Acme", ["email"]);
    expect(found.map((c) => [c.id, c.properties["email"]])).toEqual([[a, "a@example.com"]]);
  });

  it("reads a deal and its owner's e-mail", async () => {
    const { portal, crm } = await setup();
    const ownerId = portal.addOwner({ email: "owner@example.com", firstName: "Olga" });
    const dealId = portal.addDeal({ properties: { dealname: "Big", hubspot_owner_id: ownerId } });
    const deal = await crm.getDeal(dealId, ["dealname", "hubspot_owner_id"]);
    expect(deal?.properties).toMatchObject({ dealname: "Big", hubspot_owner_id: ownerId });
    expect(await crm.getOwner(ownerId)).toEqual({
      id: ownerId,
      email: "owner@example.com",
      firstName: "Olga",
    });
    expect(await crm.getOwner("424242")).toBeUndefined();
    expect(await crm.getDeal("424242", ["dealname"])).toBeUndefined();
  });

  it("completes a workflow callback", async () => {
    const { portal, crm } = await setup();
    await crm.completeCallback("ap-101-9-1", {
      hs_execution_state: "SUCCESS",
      otp_result: "valid",
    });
    expect(portal.completedCallbacks).toMatchObject([
      {
        callbackId: "ap-101-9-1",
        outputFields: { hs_execution_state: "SUCCESS", otp_result: "valid" },
        via: "single",
      },
    ]);
  });

  it("refuses malformed arguments before any request, as a rejected promise", async () => {
    const { fake, crm } = await setup();
    const calls = [
      crm.getContact("5101/../../owners", ["email"]),
      crm.getContact("5101", ["email", "bad name"]),
      crm.getContactByEmail("", ["email"]),
      crm.updateContact("5101", { otpkit_code: 123456 as unknown as string }),
      crm.searchContactsByProperty("email", "", ["email"]),
      crm.getOwner("me"),
      crm.completeCallback("", {}),
    ];
    for (const call of calls) {
      expect((await failure(call)).code).toBe("INVALID_ARGUMENT");
    }
    // A value is never echoed: it may be the code.
    const error = await failure(
      crm.updateContact("5101", { otpkit_code: 987654 as unknown as string }),
    );
    expect(error.message).not.toContain("987654");
    expect(fake.requests).toEqual([]);
  });
});

describe("createCrmClient: schema", () => {
  it("creates the group and the properties once, then finds them", async () => {
    const { fake, portal, crm } = await setup();
    expect(await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP)).toBe("created");
    expect(await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP)).toBe("existing");
    const names = OTPKIT_PROPERTIES.map((p) => p.name);
    expect(await crm.ensureProperties(OTPKIT_PROPERTIES)).toEqual({
      created: names,
      existing: [],
      mismatched: [],
    });
    expect(portal.property("otpkit_verification_status")?.type).toBe("enumeration");
    fake.requests.length = 0;
    expect(await crm.ensureProperties(OTPKIT_PROPERTIES)).toEqual({
      created: [],
      existing: names,
      mismatched: [],
    });
    // One list call, no create answered 409 (errors count against the app's error rate).
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200"]);
  });

  it("reports a property that exists with another type", async () => {
    const { crm } = await setup();
    await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
    await crm.ensureProperties([
      {
        ...OTPKIT_CODE_PROPERTY,
        type: PropertyCreateTypeEnum.Number,
        fieldType: PropertyCreateFieldTypeEnum.Number,
      },
    ]);
    expect(await crm.ensureProperties([OTPKIT_CODE_PROPERTY])).toEqual({
      created: [],
      existing: ["otpkit_code"],
      mismatched: ["otpkit_code"],
    });
  });

  it("lists only writable text and phone properties that may hold the code", async () => {
    const { crm } = await setup();
    await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
    await crm.ensureProperties([...OTPKIT_PROPERTIES, OTPKIT_CODE_PROPERTY]);
    const choices = await crm.listContactProperties();
    const names = choices.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(["otpkit_code", "phone", "mobilephone", "firstname"]),
    );
    expect(names).not.toContain("otpkit_verification_status"); // enumeration
    expect(names).not.toContain("hubspot_owner_id");
    expect(names).not.toContain("createdate");
    for (const choice of choices) {
      expect(["string", "phone_number"]).toContain(choice.type);
      expect(choice.name.startsWith("hs_")).toBe(false);
    }
    const labels = choices.map((c) => c.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
  });
});

describe("createCrmClient: failures", () => {
  it("retries a 5xx storm with growing waits, and succeeds when it ends", async () => {
    const { fake, portal, crm, sleeps } = await setup();
    const id = portal.addContact();
    fake.inject({ method: "PATCH", status: 503, times: 2 });
    fake.inject({ method: "PATCH", status: 502, times: 1 });
    await crm.updateContact(id, { firstname: "Ana" });
    expect(portal.contact(id)?.["firstname"]).toBe("Ana");
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 502, 200]);
    expect(sleeps).toEqual([250, 500, 1_000]); // 500 · 2ⁿ, equal jitter with random 0
  });

  it("gives up after maxAttempts with a retryable PROVIDER_REJECTED", async () => {
    const { fake, portal, crm } = await setup();
    const id = portal.addContact();
    fake.inject({ method: "PATCH", status: 500, times: 10 });
    const error = await failure(crm.updateContact(id, { firstname: "Ana" }));
    expect(error).toMatchObject({ code: "PROVIDER_REJECTED", retryable: true, source: "hubspot" });
    expect(error.details).toMatchObject({ status: 500, attempts: 4, portalId: 101 });
    expect(fake.requests).toHaveLength(4);
  });

  it("retries an error answer the api-client cannot parse (no Content-Type)", async () => {
    const { fake, portal, crm } = await setup();
    const id = portal.addContact();
    fake.inject({ method: "PATCH", status: 502, body: "" });
    await crm.updateContact(id, { firstname: "Ana" });
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it("waits out a 429 as the interval header says, for the whole portal", async () => {
    const { fake, portal, crm, sleeps } = await setup({ jitterMs: 1_000, random: () => 0.25 });
    const id = portal.addContact();
    fake.inject({ status: 429, times: 1 });
    await Promise.all([crm.updateContact(id, { firstname: "Ana" }), crm.getContact(id, ["email"])]);
    // The limiter slept once for both callers: interval 10 s + jitter 250 ms.
    expect(sleeps).toEqual([10_250]);
    expect(fake.requests.map((r) => r.status).sort()).toEqual([200, 200, 429]);
  });

  it("honours Retry-After on a 429, and ends the call when it is longer than maxDelayMs", async () => {
    const { fake, portal, crm, sleeps } = await setup({ jitterMs: 0 });
    const id = portal.addContact();
    fake.inject({ status: 429, retryAfter: 2 });
    await crm.getContact(id, ["email"]);
    expect(sleeps).toEqual([2_000]);
    fake.inject({ status: 429, retryAfter: 3_600 });
    const error = await failure(crm.getContact(id, ["email"]));
    expect(error).toMatchObject({ code: "PROVIDER_THROTTLED", retryable: true });
    expect(error.details).toMatchObject({ retryAfterMs: 3_600_000, attempts: 1 });
  });

  it("does not retry 401, 403 or 404, and never puts the token in the error", async () => {
    const { fake, portal, crm } = await setup({
      accessToken: async () => "pat-na1-wrong-token-ffffffff",
    });
    const id = portal.addContact();
    const unauthorized = await failure(crm.updateContact(id, { firstname: "Ana" }));
    expect(unauthorized).toMatchObject({ code: "PROVIDER_REJECTED", retryable: false });
    expect(unauthorized.details).toMatchObject({ status: 401, category: "INVALID_AUTHENTICATION" });
    expect(JSON.stringify({ ...unauthorized, message: unauthorized.message })).not.toContain(
      "wrong-token",
    );
    expect(String(unauthorized.cause ?? "")).not.toContain("wrong-token");

    const noScope = portal.issueAccessToken({ scopes: ["crm.objects.contacts.read"] });
    const limited = createCrmClient({
      portalId: 101,
      accessToken: async () => noScope,
      basePath: fake.url,
    });
    const forbidden = await failure(limited.updateContact(id, { firstname: "Ana" }));
    expect(forbidden.details).toMatchObject({ status: 403, category: "MISSING_SCOPES" });
    expect(`${forbidden.message} ${JSON.stringify(forbidden.details)}`).not.toContain(noScope);

    const good = createCrmClient({
      portalId: 101,
      accessToken: async () => TOKEN,
      basePath: fake.url,
    });
    const missing = await failure(good.updateContact("999999", { firstname: "Ana" }));
    expect(missing.details).toMatchObject({ status: 404 });
    expect(fake.requests.map((r) => r.status)).toEqual([401, 403, 404]);
  });

  it("passes the token source's OtpError through, and hides anything else it throws", async () => {
    const { fake } = await setup();
    const expired = new Error("refresh token rt-secret-123 revoked");
    const broken = createCrmClient({
      portalId: 101,
      accessToken: async () => {
        throw expired;
      },
      basePath: fake.url,
    });
    const error = await failure(broken.getContact("1", ["email"]));
    expect(error).toMatchObject({ code: "PROVIDER_REJECTED", retryable: false });
    expect(`${error.message} ${String(error.cause)}`).not.toContain("rt-secret-123");
    expect(fake.requests).toEqual([]);
  });

  it("retries when HubSpot cannot be reached, without the URL in the error", async () => {
    const { fake: server, crm, sleeps } = await setup();
    fake = undefined;
    await server.close();
    const error = await failure(crm.getContact("5101", ["email"]));
    expect(error).toMatchObject({ code: "PROVIDER_REJECTED", retryable: true });
    expect(error.details).toMatchObject({ status: 0, reason: "ECONNREFUSED", attempts: 4 });
    expect(error.message).not.toContain("127.0.0.1");
    expect(sleeps).toHaveLength(3);
  });

  it("gives up on a request that hangs after timeoutMs, and tries again", async () => {
    let received = 0;
    const silent = createServer(() => {
      received += 1; // never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const crm = createCrmClient({
        portalId: 101,
        accessToken: async () => TOKEN,
        basePath: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        timeoutMs: 50,
        maxAttempts: 2,
        sleep: async () => {},
      });
      const error = await failure(crm.getContact("5101", ["email"]));
      expect(error).toMatchObject({ code: "PROVIDER_REJECTED", retryable: true });
      expect(error.details).toMatchObject({ status: 0, reason: "timeout", attempts: 2 });
      // The server may see the second request only after the client gave up on it.
      await vi.waitFor(() => expect(received).toBe(2));
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("refuses bad options with CONFIG_INVALID", () => {
    const token = async () => TOKEN;
    expect(() => createCrmClient({ portalId: 0, accessToken: token })).toThrow(/"portalId"/);
    expect(() =>
      createCrmClient({
        portalId: 1,
        accessToken: "pat-secret" as unknown as () => Promise<string>,
      }),
    ).toThrow(/"accessToken" expected .*, got a string$/);
    expect(() =>
      createCrmClient({ portalId: 1, accessToken: token, basePath: "localhost" }),
    ).toThrow(/"basePath"/);
    expect(() => createCrmClient({ portalId: 1, accessToken: token, maxAttempts: 0 })).toThrow(
      /"maxAttempts"/,
    );
  });
});
