// Generate OTP → the code from the (fake) e-mail channel → Verify OTP, end to end: signed
// requests in, the real api-client against the fake HubSpot, the contact's properties written.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OTPKIT_CODE_PROPERTY_NAME, OTPKIT_PROPERTY_NAMES as P } from "../src/crm-properties.js";
import type { Harness } from "./harness.js";
import { contactPayload, PORTAL, startHarness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe("Generate OTP by e-mail, then Verify OTP", () => {
  it("delivers the code, verifies it from the contact's form property and writes the result on the contact", async () => {
    await h.settings({ email: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "ana@example.com" } });

    const generated = await h.outputs(
      "generate",
      contactPayload(id, { delivery: "email" }, { email: "ana@example.com", hs_language: "de" }),
    );
    expect(generated).toEqual({
      otp_status: "generated",
      otp_expires_at: expect.stringMatching(/^\d{13}$/),
      otp_channel: "email",
      otp_destination: expect.stringContaining("@example.com"),
      hs_execution_state: "SUCCESS",
    });
    expect(generated["otp_destination"]).not.toContain("ana@");
    const expiresAt = Number(generated["otp_expires_at"]);
    expect(expiresAt - h.now()).toBeGreaterThan(9 * 60_000);
    expect(expiresAt - h.now()).toBeLessThanOrEqual(10 * 60_000);
    expect(h.email.sent).toHaveLength(1);
    expect(h.email.last()).toMatchObject({ to: "ana@example.com", locale: "de", kind: "code" });
    const code = h.email.lastCode("ana@example.com")!;
    expect(code).toMatch(/^\d{6}$/);

    // The contact types the code into a form; the form field is a contact property, whose value
    // HubSpot resolves into the input.
    h.portal.addContact({ id: "9001", properties: { otp_form_code: code } });
    const typed = h.portal.contact("9001")!["otp_form_code"];
    const verified = await h.outputs("verify", contactPayload(id, { submitted_code: typed }));
    expect(verified).toEqual({ otp_result: "verified", hs_execution_state: "SUCCESS" });

    await h.settle();
    expect(h.portal.group("otpkit")).toBeDefined();
    expect(h.portal.contact(id)).toMatchObject({
      [P.status]: "verified",
      [P.verifiedAt]: expect.any(String),
      [P.lastOutcome]: "verified",
      [P.lastChannel]: "email",
      [P.attemptsUsed]: "0",
    });
    // Written as epoch ms; the fake (as HubSpot) stores datetimes in ISO form.
    const verifiedAt = Date.parse(h.portal.contact(id)![P.verifiedAt]!);
    expect(Math.abs(verifiedAt - h.now())).toBeLessThan(60_000);
    expect(h.events.map((e) => e.type)).toEqual(["issued", "delivered", "verified"]);
    expect(h.events.every((e) => e.subject === `hubspot:${PORTAL}:contact:${id}`)).toBe(true);
    expect(h.errors).toEqual([]);
  });

  it("answers a destination over its send quota as throttled max_sends, an option the action has", async () => {
    await h.settings({ email: { enabled: true } });
    // Eleven contacts sharing one inbox: otp-core sends it at most 10 codes an hour.
    const outputs = [];
    for (let i = 0; i < 11; i++) {
      const id = h.portal.addContact({ properties: { email: "team@example.com" } });
      outputs.push(
        await h.outputs(
          "generate",
          contactPayload(id, { delivery: "email" }, { email: "team@example.com" }),
        ),
      );
    }
    expect(outputs.slice(0, 10).every((o) => o["otp_status"] === "generated")).toBe(true);
    expect(outputs[10]).toMatchObject({ otp_status: "throttled", otp_error: "max_sends" });
    expect(h.events.filter((e) => e.type === "quota_exceeded")).toHaveLength(1);
  });

  it("reads e-mail and language from the CRM when HubSpot did not send them", async () => {
    await h.settings({ email: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "bo@example.com" } });
    const generated = await h.outputs("generate", contactPayload(id));
    expect(generated["otp_status"]).toBe("generated");
    const read = h.fake.requests.find(
      (r) => r.method === "GET" && r.path.endsWith(`/contacts/${id}`),
    );
    expect(read?.query["properties"]).toEqual(["email", "hs_language"]);
    expect(h.email.last()?.to).toBe("bo@example.com");
  });

  it("counts a wrong guess on the contact, answers malformed input without spending an attempt", async () => {
    await h.settings({ email: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "cy@example.com" } });
    await h.outputs("generate", contactPayload(id, {}, { email: "cy@example.com" }));
    await h.settle();
    const code = h.email.lastCode()!;
    const wrong = code === "000000" ? "111111" : "000000";
    const current = { [P.attemptsUsed]: h.portal.contact(id)![P.attemptsUsed] };

    const invalid = await h.outputs(
      "verify",
      contactPayload(id, { submitted_code: wrong }, current),
    );
    expect(invalid).toEqual({
      otp_result: "invalid",
      otp_attempts_remaining: "2",
      hs_execution_state: "SUCCESS",
    });
    const malformed = await h.outputs("verify", contactPayload(id, { submitted_code: "12" }));
    expect(malformed["otp_result"]).toBe("malformed");
    const empty = await h.outputs("verify", contactPayload(id, { submitted_code: null }));
    expect(empty["otp_result"]).toBe("malformed");
    const again = await h.outputs("verify", contactPayload(id, { submitted_code: wrong }));
    expect(again["otp_attempts_remaining"]).toBe("1"); // the malformed ones spent nothing

    await h.settle();
    expect(h.portal.contact(id)).toMatchObject({ [P.attemptsUsed]: "1", [P.status]: "pending" });
    const right = await h.outputs("verify", contactPayload(id, { submitted_code: code }));
    expect(right["otp_result"]).toBe("verified");
  });

  it("answers the code a newer Generate replaced as invalid, spending nothing", async () => {
    await h.settings({ email: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "eve@example.com" } });
    await h.outputs("generate", contactPayload(id, {}, { email: "eve@example.com" }));
    const first = h.email.lastCode()!;
    h.advance(31_000); // past the resend cooldown
    await h.outputs("generate", contactPayload(id, {}, { email: "eve@example.com" }));
    const second = h.email.lastCode()!;
    await h.settle();
    // The contact typed the first e-mail's code: the wrong-code branch, with every attempt left.
    const old = await h.outputs("verify", contactPayload(id, { submitted_code: first }));
    expect(old).toEqual({
      otp_result: "invalid",
      otp_attempts_remaining: "3",
      hs_execution_state: "SUCCESS",
    });
    await h.settle();
    expect(h.events.map((e) => e.type)).not.toContain("failed");
    expect(h.portal.contact(id)).toMatchObject({ [P.attemptsUsed]: "0", [P.status]: "pending" });
    const right = await h.outputs("verify", contactPayload(id, { submitted_code: second }));
    expect(right["otp_result"]).toBe("verified");
  });

  it("answers not_found for a contact without a code", async () => {
    const id = h.portal.addContact({ properties: { email: "dee@example.com" } });
    const result = await h.outputs("verify", contactPayload(id, { submitted_code: "123456" }));
    expect(result).toEqual({ otp_result: "not_found", hs_execution_state: "SUCCESS" });
  });
});

describe("WhatsApp and phone numbers", () => {
  it("parses the contact's national number with the portal's country", async () => {
    await h.settings({ whatsapp: { enabled: true }, defaultCountry: "DE" });
    const id = h.portal.addContact({ properties: { mobilephone: "0171 2345678" } });
    const out = await h.outputs("generate", contactPayload(id, { delivery: "whatsapp" }));
    expect(out).toMatchObject({ otp_status: "generated", otp_channel: "whatsapp" });
    expect(h.whatsapp.last()?.to).toBe("+491712345678");
  });

  it("answers failed with a reason for an unparseable phone, and sends nothing", async () => {
    await h.settings({ whatsapp: { enabled: true } });
    const id = h.portal.addContact({ properties: { mobilephone: "call me maybe" } });
    const out = await h.outputs("generate", contactPayload(id, { delivery: "whatsapp" }));
    expect(out).toEqual({
      otp_status: "failed",
      otp_error: "phone_not_a_number",
      hs_execution_state: "FAIL_CONTINUE",
    });
    expect(h.whatsapp.sent).toHaveLength(0);
    expect(h.events).toEqual([]);
  });

  it("in auto, falls back to the e-mail when the phone is unreadable", async () => {
    await h.settings({ whatsapp: { enabled: true }, email: { enabled: true } });
    const id = h.portal.addContact();
    const props = { email: "eve@example.com", mobilephone: "(555) 010-0199", phone: null };
    const out = await h.outputs("generate", contactPayload(id, {}, props));
    expect(out).toMatchObject({ otp_status: "generated", otp_channel: "email" });
  });

  it("answers no_channel when the chosen channel is off in the settings", async () => {
    const id = h.portal.addContact();
    const out = await h.outputs(
      "generate",
      contactPayload(id, { delivery: "email" }, { email: "fay@example.com" }),
    );
    expect(out).toMatchObject({ otp_status: "failed", otp_error: "no_channel" });
  });
});

describe("property storage", () => {
  it("writes the code to the chosen property and clears it after verification", async () => {
    await h.settings({ email: { enabled: true }, propertyStorage: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "gus@example.com" } });
    await h.outputs("generate", contactPayload(id, {}, { email: "gus@example.com" }));
    await h.settle();
    const code = h.email.lastCode()!;
    expect(h.portal.property(OTPKIT_CODE_PROPERTY_NAME)).toBeDefined();
    expect(h.portal.contact(id)![OTPKIT_CODE_PROPERTY_NAME]).toBe(code);

    await h.outputs("verify", contactPayload(id, { submitted_code: code }));
    await h.settle();
    expect(h.portal.contact(id)![OTPKIT_CODE_PROPERTY_NAME]).toBeUndefined();
    expect(h.portal.contact(id)![P.status]).toBe("verified");
  });

  it("with delivery none, only keeps the code in the property", async () => {
    await h.settings({ propertyStorage: { enabled: true } });
    const id = h.portal.addContact();
    const out = await h.outputs("generate", contactPayload(id, { delivery: "none" }));
    expect(out).toMatchObject({ otp_status: "generated", otp_channel: "none" });
    expect(out["otp_destination"]).toBeUndefined();
    await h.settle();
    expect(h.portal.contact(id)![OTPKIT_CODE_PROPERTY_NAME]).toMatch(/^\d{6}$/);
    expect(h.portal.contact(id)![P.lastChannel]).toBe("none");
  });

  it("refuses to make a code nobody receives", async () => {
    const id = h.portal.addContact();
    const out = await h.outputs("generate", contactPayload(id, { delivery: "none" }));
    expect(out).toMatchObject({ otp_status: "failed", otp_error: "no_delivery" });
  });
});

describe("overriding the app settings", () => {
  it("issues an 8-character alphanumeric code, and Verify accepts it typed in lower case", async () => {
    await h.settings({ email: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "hal@example.com" } });
    const inputs = { override_settings: "true", code_length: "8", code_type: "alphanumeric" };
    const out = await h.outputs(
      "generate",
      contactPayload(id, inputs, { email: "hal@example.com" }),
    );
    expect(out["otp_status"]).toBe("generated");
    const code = h.email.lastCode()!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const verified = await h.outputs(
      "verify",
      contactPayload(id, { submitted_code: code.toLowerCase() }),
    );
    expect(verified["otp_result"]).toBe("verified");
  });

  it("refuses an expiry over 10 minutes unless the portal opted in", async () => {
    await h.settings({ email: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "ida@example.com" } });
    const inputs = { override_settings: "true", expiry_minutes: "30" };
    const refused = await h.outputs("generate", contactPayload(id, inputs));
    expect(refused).toEqual({
      otp_status: "failed",
      otp_error: "expiry_not_allowed",
      hs_execution_state: "FAIL_CONTINUE",
    });
    expect(h.email.sent).toHaveLength(0);

    await h.settings({ email: { enabled: true }, allowLongExpiry: true });
    const allowed = await h.outputs("generate", contactPayload(id, inputs));
    expect(allowed["otp_status"]).toBe("generated");
    expect(Number(allowed["otp_expires_at"]) - h.now()).toBeGreaterThan(29 * 60_000);
  });

  it("refuses a code too weak for the settings (4 digits)", async () => {
    await h.settings({ email: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "jo@example.com" } });
    const inputs = { override_settings: "true", code_length: "4", code_type: "numeric" };
    const out = await h.outputs("generate", contactPayload(id, inputs));
    expect(out).toMatchObject({ otp_status: "failed", otp_error: "code_too_weak" });
  });

  it("ignores the override fields while the toggle is off", async () => {
    await h.settings({ email: { enabled: true } });
    const id = h.portal.addContact({ properties: { email: "kim@example.com" } });
    const inputs = { override_settings: "false", code_length: "8", expiry_minutes: "60" };
    const out = await h.outputs("generate", contactPayload(id, inputs));
    expect(out["otp_status"]).toBe("generated");
    expect(h.email.lastCode()).toMatch(/^\d{6}$/);
  });
});

describe("deal-based Generate OTP", () => {
  function dealPayload(dealId: string, inputFields: Record<string, unknown> = {}) {
    const payload = contactPayload(dealId, inputFields);
    payload.object.objectType = "DEAL";
    return payload;
  }

  it("sends the code to the deal owner and verifies it on the deal", async () => {
    await h.settings({ email: { enabled: true } });
    const owner = h.portal.addOwner({ email: "olga@example.com", firstName: "Olga" });
    const dealId = h.portal.addDeal({ properties: { dealname: "Big", hubspot_owner_id: owner } });
    const out = await h.outputs("generate", dealPayload(dealId));
    expect(out).toMatchObject({ otp_status: "generated", otp_channel: "email" });
    expect(h.email.last()).toMatchObject({ to: "olga@example.com", recipient: { name: "Olga" } });
    const verified = await h.outputs(
      "verify",
      dealPayload(dealId, { submitted_code: h.email.lastCode() }),
    );
    expect(verified["otp_result"]).toBe("verified");
    expect(h.events[0]?.subject).toBe(`hubspot:${PORTAL}:deal:${dealId}`);
    await h.settle();
    // Nothing is written on a contact for a deal's code.
    expect(h.fake.requests.filter((r) => r.method === "PATCH")).toEqual([]);
  });

  it("sends to the approver given as input", async () => {
    await h.settings({ email: { enabled: true } });
    const dealId = h.portal.addDeal({ properties: { dealname: "Big" } });
    const out = await h.outputs(
      "generate",
      dealPayload(dealId, { approver_email: "cfo@example.com" }),
    );
    expect(out["otp_status"]).toBe("generated");
    expect(h.email.last()?.to).toBe("cfo@example.com");
  });

  it("answers no_owner for a deal without owner, deal_not_found for a missing deal", async () => {
    await h.settings({ email: { enabled: true } });
    const dealId = h.portal.addDeal({ properties: { dealname: "Orphan" } });
    expect(await h.outputs("generate", dealPayload(dealId))).toMatchObject({
      otp_status: "failed",
      otp_error: "no_owner",
    });
    expect(await h.outputs("generate", dealPayload("987654"))).toMatchObject({
      otp_error: "deal_not_found",
    });
  });
});
