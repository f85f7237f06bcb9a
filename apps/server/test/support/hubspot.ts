import type { FakeHubSpot, FakePortal } from "@otpkit/hubspot-adapter/testing";
import {
  signedFetchRequest,
  signedWorkflowRequest,
  startFakeHubSpot,
} from "@otpkit/hubspot-adapter/testing";
import { expect } from "vitest";
import type { TestServer } from "./runtime.js";
import { createTestServer } from "./runtime.js";

const CLIENT_ID = "server-hubspot-client";
const CLIENT_SECRET = "server-hubspot-client-secret";
const APP_ID = 7;
const PORTAL = 4242;

/** The server with its HubSpot app installed in one portal of a fake HubSpot on loopback. */
export interface HubSpotServer {
  readonly server: TestServer;
  readonly fake: FakeHubSpot;
  readonly portal: FakePortal;
  readonly portalId: number;
  /** Saves the portal's settings through the settings page's route (signed as hubspot.fetch). */
  settings(body: Record<string, unknown>): Promise<void>;
  /** Runs a workflow action for a contact as HubSpot calls it; expects 200 and gives its outputs. */
  action(
    name: "generate-otp" | "verify-otp",
    contactId: string,
    inputFields?: Record<string, string>,
  ): Promise<Record<string, string>>;
  close(): Promise<void>;
}

let callbacks = 0;

/**
 * A test server (support/runtime.ts, env `overrides` on top) wired to a fresh fake HubSpot, the
 * app installed by the admin's OAuth round trip through the server's own routes.
 *
 * @example
 * const h = await startHubSpotServer({ OTP_PHONE_COUNTRIES: "US" });
 * await h.settings({ email: { enabled: true } });
 * await h.action("generate-otp", h.portal.addContact({ properties: { email: "a@b.test" } }));
 */
export async function startHubSpotServer(
  overrides: Record<string, string> = {},
): Promise<HubSpotServer> {
  const fake = await startFakeHubSpot({
    app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appId: APP_ID },
    defaultPortalId: PORTAL,
  });
  let server: TestServer;
  try {
    server = await createTestServer({
      HUBSPOT_CLIENT_ID: CLIENT_ID,
      HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
      HUBSPOT_APP_ID: String(APP_ID),
      HUBSPOT_API_BASE_URL: fake.url,
      HUBSPOT_AUTH_BASE_URL: fake.url,
      ...overrides,
    });
  } catch (error) {
    await fake.close();
    throw error;
  }
  const { app, clock } = server;
  const install = await app.request("/hubspot/oauth/install");
  const consent = await fetch(install.headers.get("Location")!, { redirect: "manual" });
  const back = new URL(consent.headers.get("Location")!);
  expect((await app.request(`${back.pathname}${back.search}`)).status).toBe(200);

  return {
    server,
    fake,
    portal: fake.portal(PORTAL),
    portalId: PORTAL,
    async settings(body) {
      const saved = await app.request(
        signedFetchRequest({
          url: "http://localhost/hubspot/settings",
          method: "PUT",
          clientSecret: CLIENT_SECRET,
          query: { appId: APP_ID, portalId: PORTAL, userId: 1 },
          body,
          timestamp: clock.now(),
        }),
      );
      expect(saved.status, await saved.clone().text()).toBe(200);
    },
    async action(name, contactId, inputFields = {}) {
      const res = await app.request(
        signedWorkflowRequest({
          url: `http://localhost/hubspot/actions/${name}`,
          clientSecret: CLIENT_SECRET,
          payload: {
            callbackId: `ap-${PORTAL}-${Date.now()}-${++callbacks}-0`,
            origin: { portalId: PORTAL, actionDefinitionId: 77 },
            context: { source: "WORKFLOWS", workflowId: 123 },
            object: { objectId: Number(contactId), objectType: "CONTACT" },
            inputFields,
          },
          timestamp: clock.now(),
        }),
      );
      const text = await res.text();
      expect(res.status, text).toBe(200);
      return (JSON.parse(text) as { outputFields: Record<string, string> }).outputFields;
    },
    async close() {
      await server.close();
      await fake.close();
    },
  };
}
