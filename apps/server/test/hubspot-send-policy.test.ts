// The server's send policy (OTP_PHONE_COUNTRIES, OTP_DESTINATION_*) holds for HubSpot portals as
// for the API, and each portal's channels are the registry's with the portal's own texts: the
// real @hubspot/api-client against the fake HubSpot, the server's dev outbox.
import { afterEach, describe, expect, it } from "vitest";
import type { HubSpotServer } from "./support/hubspot.js";
import { startHubSpotServer } from "./support/hubspot.js";
import { emails, whatsappMessages } from "./support/outbox.js";

let h: HubSpotServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("HubSpot portals under the server's send policy", () => {
  it("refuses a WhatsApp code to a number outside OTP_PHONE_COUNTRIES, naming the reason", async () => {
    h = await startHubSpotServer({ OTP_PHONE_COUNTRIES: "US" });
    await h.settings({
      whatsapp: { enabled: true },
      email: { enabled: true },
      defaultCountry: "DE",
    });
    const german = h.portal.addContact({ properties: { mobilephone: "0171 2345678" } });

    const refused = await h.action("generate-otp", german, { delivery: "whatsapp" });
    expect(refused).toEqual({
      otp_status: "failed",
      otp_error: "country_not_allowed",
      hs_execution_state: "FAIL_CONTINUE",
    });
    expect(whatsappMessages(h.server.rt)).toEqual([]);

    // A number of an allowed country goes out, through the same portal.
    const american = h.portal.addContact({ properties: { mobilephone: "+1 201-555-0123" } });
    expect(await h.action("generate-otp", american, { delivery: "whatsapp" })).toMatchObject({
      otp_status: "generated",
      otp_channel: "whatsapp",
    });
    expect(whatsappMessages(h.server.rt).map((m) => m.to)).toEqual(["+12015550123"]);
  });

  it("counts a portal's codes against OTP_DESTINATION_MAX_PER_HOUR", async () => {
    h = await startHubSpotServer({ OTP_DESTINATION_MAX_PER_HOUR: "2" });
    await h.settings({ email: { enabled: true } });
    // Three contacts sharing one inbox: the third code to it is over the deployment's quota.
    const outputs = [];
    for (let i = 0; i < 3; i++) {
      const id = h.portal.addContact({ properties: { email: "team@example.com" } });
      outputs.push(await h.action("generate-otp", id, { delivery: "email" }));
    }
    expect(outputs.map((o) => o["otp_status"])).toEqual(["generated", "generated", "throttled"]);
    expect(outputs[2]).toMatchObject({ otp_error: "max_sends" });
    expect(await emails(h.server.rt, "team@example.com")).toHaveLength(2);
  });
});

describe("HubSpot portals' channels, from the channel registry", () => {
  it("sends with the portal's WhatsApp template names over the server's, shown in the dev outbox", async () => {
    h = await startHubSpotServer({ WHATSAPP_TEMPLATE_CODE: "server_code" });
    await h.settings({ whatsapp: { enabled: true } });
    const first = h.portal.addContact({ properties: { mobilephone: "+1 201-555-0123" } });
    expect(await h.action("generate-otp", first)).toMatchObject({ otp_channel: "whatsapp" });
    expect(whatsappMessages(h.server.rt)[0]?.template).toBe("server_code");

    // The admin names the portal's own template: the portal's channel is rebuilt with it.
    await h.settings({ whatsapp: { enabled: true, templates: { code: "acme_login_code" } } });
    const second = h.portal.addContact({ properties: { mobilephone: "+1 201-555-0124" } });
    expect(await h.action("generate-otp", second)).toMatchObject({ otp_channel: "whatsapp" });
    const [sent] = whatsappMessages(h.server.rt);
    expect([sent?.to, sent?.template]).toEqual(["+12015550124", "acme_login_code"]);
    const page = await h.server.app.request(`/dev/outbox/whatsapp/${sent!.id}`);
    expect(await page.text()).toContain("WhatsApp: acme_login_code");
  });
});
