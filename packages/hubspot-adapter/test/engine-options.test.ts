// The host's engine options (`createHubSpotApp({ engine })`) reach every portal's engine: a
// deployment's phone-country allow-list refuses a number with a reason the workflow can branch on,
// while what a portal's settings decide stays theirs.
import type { OtpOptions } from "@otpkit/otp-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "./harness.js";
import { contactPayload, startHarness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("createHubSpotApp's engine options", () => {
  it("refuses a phone outside the host's phoneCountries as failed country_not_allowed, sending nothing", async () => {
    h = await startHarness({ engine: { resend: { cooldownMs: 0 }, phoneCountries: ["US"] } });
    await h.settings({
      whatsapp: { enabled: true },
      email: { enabled: true },
      defaultCountry: "DE",
    });
    const german = h.portal.addContact({ properties: { mobilephone: "0171 2345678" } });
    const out = await h.outputs("generate", contactPayload(german, { delivery: "whatsapp" }));
    expect(out).toEqual({
      otp_status: "failed",
      otp_error: "country_not_allowed",
      hs_execution_state: "FAIL_CONTINUE",
    });
    // In auto, with only the phone, the same reason.
    expect(await h.outputs("generate", contactPayload(german))).toMatchObject({
      otp_status: "failed",
      otp_error: "country_not_allowed",
    });
    expect(h.whatsapp.sent).toHaveLength(0);
    expect(h.email.sent).toHaveLength(0);

    // In auto, a contact who also has an e-mail address gets the code there.
    const both = h.portal.addContact();
    const props = { email: "eve@example.com", mobilephone: "0171 2345678" };
    expect(await h.outputs("generate", contactPayload(both, {}, props))).toMatchObject({
      otp_status: "generated",
      otp_channel: "email",
    });
    // A number of an allowed country goes out by WhatsApp.
    const american = h.portal.addContact({ properties: { mobilephone: "+1 201-555-0123" } });
    expect(
      await h.outputs("generate", contactPayload(american, { delivery: "whatsapp" })),
    ).toMatchObject({ otp_status: "generated", otp_channel: "whatsapp" });
    expect(h.whatsapp.last()?.to).toBe("+12015550123");
  });

  it("leaves to the portal's settings what they decide, whatever the host passes", async () => {
    // A JavaScript host (no type check) passing the code's lifetime too: the settings' wins.
    const engine = { resend: { cooldownMs: 0 }, ttlMs: 60_000 } as Partial<OtpOptions>;
    h = await startHarness({ engine });
    await h.settings({ email: { enabled: true }, expiryMinutes: 5 });
    const id = h.portal.addContact({ properties: { email: "ana@example.com" } });
    const out = await h.outputs("generate", contactPayload(id, { delivery: "email" }));
    expect(Number(out["otp_expires_at"]) - h.now()).toBeGreaterThan(4 * 60_000);
    expect(Number(out["otp_expires_at"]) - h.now()).toBeLessThanOrEqual(5 * 60_000);
  });
});
