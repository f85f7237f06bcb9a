import type { FakeHubSpot } from "@otpkit/hubspot-adapter/testing";
import { startFakeHubSpot } from "@otpkit/hubspot-adapter/testing";
import { afterEach, describe, expect, it } from "vitest";
import { call, say } from "./support/conversations.js";
import { lastWhatsAppCode, whatsappMessages } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

// CONVERSATION_HUBSPOT_PORTAL_ID: the conversation directory is a HubSpot portal's contacts,
// searched through the HubSpot app's CRM client (the real @hubspot/api-client against the fake
// HubSpot on loopback) with the portal's OAuth tokens from the app's install.

const CLIENT_ID = "conversation-test-client";
const CLIENT_SECRET = "conversation-test-client-secret";
const PORTAL = 4343;

let fake: FakeHubSpot | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = undefined;
  fake = undefined;
});

async function start(installApp = true): Promise<{ s: TestServer; fake: FakeHubSpot }> {
  fake = await startFakeHubSpot({
    app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appId: 7 },
    defaultPortalId: PORTAL,
  });
  server = await createTestServer({
    HUBSPOT_CLIENT_ID: CLIENT_ID,
    HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
    HUBSPOT_API_BASE_URL: fake.url,
    HUBSPOT_AUTH_BASE_URL: fake.url,
    CONVERSATION_HUBSPOT_PORTAL_ID: String(PORTAL),
    CONVERSATION_IDENTIFIER_FIELD: "employee_number",
  });
  if (!installApp) return { s: server, fake };
  // The portal's admin installs the app: our install route, HubSpot's consent, the callback.
  const install = await server.app.request("/hubspot/oauth/install");
  const consent = await fetch(install.headers.get("Location")!, { redirect: "manual" });
  const back = new URL(consent.headers.get("Location")!);
  expect((await server.app.request(`${back.pathname}${back.search}`)).status).toBe(200);
  return { s: server, fake };
}

describe("the HubSpot directory through the server", () => {
  it("finds the contact by the property and sends to its mobile phone by WhatsApp", async () => {
    const { s, fake } = await start();
    fake.portal(PORTAL).addContact({
      properties: {
        employee_number: "4721",
        mobilephone: "(415) 555-2678",
        firstname: "Ana",
        hs_language: "en",
      },
    });
    const started = await call(s, "h1", "start", { identifier: "4721" });
    expect(started).toMatchObject({ status: 200, body: { state: "pending" } });
    expect(started.body.reply).toContain("***78 registered in your profile");
    const code = lastWhatsAppCode(s.rt, "+14155552678");
    expect((await say(s, "h1", `The code is ${code}`)).state).toBe("authenticated");

    const unknown = await call(s, "h2", "start", { identifier: "9999" });
    expect(unknown.body.state).toBe("pending");
    expect(whatsappMessages(s.rt)).toHaveLength(1);
  });

  it("answers 502 PROVIDER_REJECTED, not a crash, while the app is not installed in the portal", async () => {
    const { s } = await start(false);
    const res = await s.api("/api/v1/conversations/h3/start", { body: { identifier: "4721" } });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      "PROVIDER_REJECTED",
    );
  });
});
