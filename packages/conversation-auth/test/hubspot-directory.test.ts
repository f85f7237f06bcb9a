import { createCrmClient } from "@otpkit/hubspot-adapter";
import type { FakeHubSpot } from "@otpkit/hubspot-adapter/testing";
import { startFakeHubSpot } from "@otpkit/hubspot-adapter/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createHubSpotDirectory } from "../src/directory.js";
import { setup } from "./support.js";

// The HubSpot directory through the real CRM client (@hubspot/api-client) against the fake
// HubSpot, whose clock is the test's: waits cost no real time, the clock jumps.
const TOKEN = "pat-na1-0123456789abcdef-static-token";
let fake: FakeHubSpot | undefined;

async function hubspot() {
  let clock = Date.parse("2026-03-01T10:00:00Z");
  const now = () => clock;
  const sleeps: number[] = [];
  fake = await startFakeHubSpot({ now, portals: [{ portalId: 101, accessToken: TOKEN }] });
  const crm = createCrmClient({
    portalId: 101,
    accessToken: async () => TOKEN,
    basePath: fake.url,
    now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0,
  });
  const directory = createHubSpotDirectory({
    crm,
    property: "employee_number",
    phoneProperty: "mobilephone",
    defaultCountry: "US",
  });
  return { fake, portal: fake.portal(101), directory, sleeps, crm };
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("createHubSpotDirectory", () => {
  it("finds the contact by the property, with the phone parsed to E.164", async () => {
    const { portal, directory } = await hubspot();
    const id = portal.addContact({
      properties: {
        employee_number: "4721",
        mobilephone: "(415) 555-2678",
        email: "ana@example.com",
        firstname: "Ana",
        hs_language: "es",
      },
    });
    portal.addContact({ properties: { employee_number: "9000", email: "other@example.com" } });
    expect(await directory.find(" 4721 ")).toEqual({
      id,
      phone: "+14155552678",
      email: "ana@example.com",
      name: "Ana",
      locale: "es",
    });
  });

  it("answers null for no match and for two matches; drops a phone that is not a number", async () => {
    const { portal, directory } = await hubspot();
    portal.addContact({ properties: { employee_number: "1", email: "a@example.com" } });
    portal.addContact({ properties: { employee_number: "1", email: "b@example.com" } });
    const id = portal.addContact({ properties: { employee_number: "2", mobilephone: "n/a" } });
    expect(await directory.find("404")).toBeNull();
    expect(await directory.find("1")).toBeNull();
    expect(await directory.find("2")).toEqual({ id });
  });

  it("stays within CRM search's 5 requests a second: the client waits, HubSpot never says 429", async () => {
    const { fake, portal, directory, sleeps } = await hubspot();
    portal.addContact({ properties: { employee_number: "4721", email: "ana@example.com" } });
    // One conversation after another. (Concurrent finds are left out here: with a clock that jumps
    // while requests are in flight, the limiter forgets slots still in flight; see the report.)
    const found = [];
    for (let i = 0; i < 12; i++) found.push(await directory.find("4721"));
    expect(found.every((record) => record?.email === "ana@example.com")).toBe(true);
    const searches = fake.requests.filter((r) => r.path.endsWith("/search"));
    expect(searches).toHaveLength(12);
    expect(searches.every((r) => r.status === 200)).toBe(true);
    // 12 searches at 5 per second: at least two waits for the window to move on.
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2_000);
  });

  it("backs off on a 429 from HubSpot and still answers", async () => {
    const { fake, portal, directory, sleeps } = await hubspot();
    portal.addContact({ properties: { employee_number: "4721", email: "ana@example.com" } });
    fake.inject({ status: 429, times: 1 });
    expect((await directory.find("4721"))?.email).toBe("ana@example.com");
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it("drives the seed's conversation: the code goes by WhatsApp to the CRM's number", async () => {
    const { portal, directory } = await hubspot();
    portal.addContact({ properties: { employee_number: "4721", mobilephone: "415-555-2678" } });
    const t = setup({ directory });
    expect((await t.auth.start({ conversationId: "c", identifier: "4721" })).reply).toContain(
      "to the number ***78 registered in your profile",
    );
    expect(t.whatsapp.last()?.to).toBe("+14155552678");
    expect((await t.auth.submit({ conversationId: "c", text: t.phoneCode() })).state).toBe(
      "authenticated",
    );
  });

  it("checks its options", async () => {
    const { crm } = await hubspot();
    expect(() => createHubSpotDirectory({ crm, property: "", defaultCountry: "US" })).toThrow(
      /"property"/,
    );
    expect(() =>
      createHubSpotDirectory({ crm, property: "x", defaultCountry: "XX" as "US" }),
    ).toThrow(/"defaultCountry"/);
    expect(() =>
      createHubSpotDirectory({ crm: {} as typeof crm, property: "x", defaultCountry: "US" }),
    ).toThrow(/"crm"/);
  });
});
