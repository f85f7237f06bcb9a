// The end-to-end setting of the workflow-action tests: the fake HubSpot on loopback (the real
// @hubspot/api-client talks to it), the memory app storage, otp-core's memory store, fake e-mail
// and WhatsApp channels, and the app installed into one portal through the OAuth round trip.
import type { OtpEvent, OtpStore } from "@otpkit/otp-core";
import { createMemoryStore } from "@otpkit/otp-core";
import type { FakeChannel } from "@otpkit/otp-testing";
import { createFakeChannel } from "@otpkit/otp-testing";
import { expect } from "vitest";
import type { HubSpotApp, HubSpotAppOptions } from "../src/hubspot-app.js";
import { createHubSpotApp } from "../src/hubspot-app.js";
import type { PortalSettingsInput } from "../src/settings.js";
import type { HubSpotAppStorage } from "../src/storage.js";
import type { FakeHubSpot, FakePortal } from "../src/testing/index.js";
import {
  createMemoryHubSpotStorage,
  signedWorkflowRequest,
  startFakeHubSpot,
} from "../src/testing/index.js";

export const CLIENT_ID = "client-1";
export const CLIENT_SECRET = "secret-1";
export const PORTAL = 4242;
export const REDIRECT = "http://127.0.0.1:9/hubspot/oauth/callback";
export const ACTIONS = "https://otp.example.com/hubspot/actions";
const SECRETS = [{ id: "k1", key: "workflow-test-secret-workflow-test-secret-0123" }];
const NAMING_KEY = "workflow-test-naming-key-workflow-test-naming-key";

export type ActionName = "generate" | "verify" | "wait";

/** A workflow execution payload as HubSpot sends it. */
export interface Payload {
  callbackId: string;
  origin: { portalId: number; actionDefinitionId?: number };
  object: { objectId: number | string; objectType: string; properties?: Record<string, unknown> };
  inputFields?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface Harness {
  fake: FakeHubSpot;
  portal: FakePortal;
  storage: HubSpotAppStorage;
  store: OtpStore;
  email: FakeChannel;
  whatsapp: FakeChannel;
  app: HubSpotApp;
  /** Every engine event the host's audit sink got. */
  events: OtpEvent[];
  /** Background errors reported to onError. */
  errors: { error: unknown; operation: string }[];
  /** The app's clock (real time plus `advance`). */
  now(): number;
  advance(ms: number): void;
  /** Another app object over the same storage and store: a second process, or a restart. */
  newApp(over?: Partial<HubSpotAppOptions>): HubSpotApp;
  /** Sends a signed workflow request to `app` (default: the harness's app). */
  call(action: ActionName, payload: Payload, app?: HubSpotApp): Promise<Response>;
  /** `call`, expecting 200, returning the `outputFields`. */
  outputs(action: ActionName, payload: Payload, app?: HubSpotApp): Promise<Record<string, string>>;
  settings(input: PortalSettingsInput): Promise<void>;
  /** Flushes until every CRM write landed (or `rounds` flushes passed). */
  settle(rounds?: number): Promise<void>;
  close(): Promise<void>;
}

let callbacks = 0;
/** A fresh HubSpot-shaped callback id. */
export function callbackId(): string {
  callbacks += 1;
  return `ap-${PORTAL}-${Date.now()}-${callbacks}-0`;
}

/** A contact-based execution payload. */
export function contactPayload(
  contactId: string,
  inputFields: Record<string, unknown> = {},
  properties?: Record<string, unknown>,
): Payload {
  return {
    callbackId: callbackId(),
    origin: { portalId: PORTAL, actionDefinitionId: 77 },
    context: { source: "WORKFLOWS", workflowId: 123 },
    object: {
      objectId: Number(contactId),
      objectType: "CONTACT",
      ...(properties ? { properties } : {}),
    },
    inputFields,
  };
}

export async function startHarness(over: Partial<HubSpotAppOptions> = {}): Promise<Harness> {
  const fake = await startFakeHubSpot({
    app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appId: 7 },
    defaultPortalId: PORTAL,
  });
  const portal = fake.portal(PORTAL);
  const storage = createMemoryHubSpotStorage();
  const store = createMemoryStore();
  const email = createFakeChannel({ name: "email", address: "email" });
  const whatsapp = createFakeChannel({ name: "whatsapp", address: "phone" });
  const events: OtpEvent[] = [];
  const errors: Harness["errors"] = [];
  let offset = 0;
  const now = () => Date.now() + offset;
  // The CRM client's waits (429 pauses, 5xx backoff) pass on a virtual clock of its own.
  let crmClock = Date.now();

  const newApp = (more: Partial<HubSpotAppOptions> = {}) =>
    createHubSpotApp({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: REDIRECT,
      storage,
      store,
      secrets: SECRETS,
      namingKey: NAMING_KEY,
      basePath: fake.url,
      oauth: { authBaseUrl: fake.url },
      now,
      channelsFor: (settings) => [
        ...(settings.whatsapp.enabled ? [whatsapp] : []),
        ...(settings.email.enabled ? [email] : []),
      ],
      events: (_portalId, event) => {
        events.push(event);
      },
      onError: (error, context) => errors.push({ error, operation: context.operation }),
      crm: {
        baseDelayMs: 10,
        jitterMs: 0,
        now: () => crmClock,
        sleep: async (ms) => {
          crmClock += ms;
        },
      },
      writeQueue: { retryDelayMs: 0 },
      engine: { resend: { cooldownMs: 0 } },
      ...over,
      ...more,
    });
  const app = newApp();

  // The admin installs the app: consent in the (fake) browser, then HubSpot's redirect back.
  const install = await app.handlers.oauthInstall(
    new Request("http://127.0.0.1:9/hubspot/install"),
  );
  expect(install.status).toBe(302);
  const consent = await fetch(install.headers.get("Location")!, { redirect: "manual" });
  const installed = await app.handlers.oauthCallback(new Request(consent.headers.get("Location")!));
  expect(installed.status).toBe(200);

  const call: Harness["call"] = (action, payload, target = app) =>
    target.handlers[action](
      signedWorkflowRequest({
        url: `${ACTIONS}/${action}-otp`,
        clientSecret: CLIENT_SECRET,
        payload,
        timestamp: now(),
      }),
    );
  const harness: Harness = {
    fake,
    portal,
    storage,
    store,
    email,
    whatsapp,
    app,
    events,
    errors,
    now,
    advance(ms) {
      offset += ms;
    },
    newApp,
    call,
    async outputs(action, payload, target) {
      const response = await call(action, payload, target);
      const text = await response.text();
      expect(response.status, text).toBe(200);
      return (JSON.parse(text) as { outputFields: Record<string, string> }).outputFields;
    },
    settings: (input) => storage.putSettings(PORTAL, JSON.stringify(input)),
    async settle(rounds = 30) {
      for (let i = 0; i < rounds; i++) {
        await app.flush();
        if (app.writesFor(PORTAL).size === 0) return;
      }
    },
    async close() {
      await app.close();
      await fake.close();
    },
  };
  return harness;
}
