// Shared by the card and settings API tests (not part of the package: tsup builds only the index
// files). A real world in small: the fake HubSpot with the real api-client behind the CRM client,
// the memory storage, otp-core's memory store and per-portal engines, and a fake e-mail channel.
import { createMemoryStore } from "@otpkit/otp-core";
import type { FakeChannel } from "@otpkit/otp-testing";
import { createFakeChannel } from "@otpkit/otp-testing";
import type { CrmClient } from "./crm-client.js";
import { createCrmClient } from "./crm-client.js";
import type { CrmWriteQueue } from "./crm-write-queue.js";
import { createCrmWriteQueue } from "./crm-write-queue.js";
import type { PortalEngines } from "./portal-engines.js";
import { createPortalEngines } from "./portal-engines.js";
import type { SettingsApi, SettingsApiOptions } from "./settings-api.js";
import { createSettingsApi } from "./settings-api.js";
import type { HubSpotAppStorage } from "./storage.js";
import type { FakeHubSpot } from "./testing/fake-hubspot.js";
import { startFakeHubSpot } from "./testing/fake-hubspot.js";
import { createMemoryHubSpotStorage } from "./testing/memory-storage.js";
import type { SignedFetchRequestInput } from "./testing/sign.js";
import { signedFetchRequest, signHubSpotRequest } from "./testing/sign.js";

export const SECRET = "card-and-settings-client-secret";
export const APP_ID = 1234;
export const PORTAL = 101;
export const OTHER_PORTAL = 202;
export const ORIGIN = "https://otp.example.com";
const TOKENS: Record<number, string> = {
  [PORTAL]: "pat-na1-portal-101-static-token",
  [OTHER_PORTAL]: "pat-na1-portal-202-static-token",
};

/** One test's world; `close()` it after the test. */
export interface World {
  fake: FakeHubSpot;
  storage: HubSpotAppStorage;
  engines: PortalEngines;
  email: FakeChannel;
  crm: (portalId: number) => CrmClient;
  writes: (portalId: number) => CrmWriteQueue;
  /** The shared clock (fake HubSpot, engines, signatures). */
  clock: { now: number };
  /** A signed `hubspot.fetch` call, as HubSpot forwards it, for `portalId` (default {@link PORTAL}). */
  call(
    path: string,
    init?: Omit<SignedFetchRequestInput, "url" | "clientSecret" | "query"> & { portalId?: number },
  ): Request;
  /** A signed call whose body is raw text (not JSON), as HubSpot would sign it, for {@link PORTAL}. */
  callRaw(path: string, method: string, body: string): Request;
  /** Saves settings as the settings page would have (no validation: tests say what they mean). */
  save(settings: unknown, portalId?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a world: two portals with static tokens, settings defaults, a fake `email` channel. */
export async function startWorld(): Promise<World> {
  const clock = { now: Date.parse("2026-03-01T10:00:00Z") };
  const now = () => clock.now;
  const fake = await startFakeHubSpot({
    now,
    portals: [PORTAL, OTHER_PORTAL].map((portalId) => ({
      portalId,
      accessToken: TOKENS[portalId] as string,
    })),
  });
  const storage = createMemoryHubSpotStorage();
  const email = createFakeChannel({ name: "email", address: "email" });
  const engines = createPortalEngines({
    storage,
    store: createMemoryStore(),
    secrets: [{ id: "k1", key: "card-api-test-secret-0123456789abcdef" }],
    namingKey: "card-api-test-naming-key-0123456789abcdef",
    channelsFor: (settings) => (settings.email.enabled ? [email] : []),
    now,
  });
  const clients = new Map<number, CrmClient>();
  const queues = new Map<number, CrmWriteQueue>();
  const crm = (portalId: number) => {
    let client = clients.get(portalId);
    if (client === undefined) {
      client = createCrmClient({
        portalId,
        accessToken: async () => TOKENS[portalId] as string,
        basePath: fake.url,
        now,
        sleep: async (ms) => {
          clock.now += ms;
        },
        random: () => 0,
      });
      clients.set(portalId, client);
    }
    return client;
  };
  const writes = (portalId: number) => {
    let queue = queues.get(portalId);
    if (queue === undefined) {
      queue = createCrmWriteQueue({ client: crm(portalId), now });
      queues.set(portalId, queue);
    }
    return queue;
  };
  return {
    fake,
    storage,
    engines,
    email,
    crm,
    writes,
    clock,
    call(path, init = {}) {
      const { portalId = PORTAL, ...rest } = init;
      return signedFetchRequest({
        ...rest,
        url: `${ORIGIN}${path}`,
        clientSecret: SECRET,
        query: { appId: APP_ID, portalId, userId: 7, userEmail: "agent@example.org" },
        timestamp: clock.now,
      });
    },
    callRaw(path, method, body) {
      const url = `${ORIGIN}${path}?appId=${APP_ID}&portalId=${PORTAL}&userId=7`;
      const headers = signHubSpotRequest({
        method,
        url,
        body,
        clientSecret: SECRET,
        timestamp: clock.now,
      });
      return new Request(url, { method, body, headers });
    },
    async save(settings, portalId = PORTAL) {
      await storage.putSettings(portalId, JSON.stringify(settings));
    },
    async close() {
      for (const queue of queues.values()) await queue.close();
      await engines.close();
      await fake.close();
    },
  };
}

/** A response's status and JSON body (typed loosely: tests read what they check). */
export async function read(response: Response): Promise<{
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test access to JSON answers
  body: any;
  headers: Headers;
}> {
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The settings API over a world; each portal whose settings change is pushed onto `changes`. */
export function settingsApiFor(
  world: World,
  changes: number[],
  options: Partial<SettingsApiOptions> = {},
): SettingsApi {
  return createSettingsApi({
    clientSecret: SECRET,
    appId: APP_ID,
    now: () => world.clock.now,
    storage: world.storage,
    crmFor: world.crm,
    onSettingsChanged: (portalId) => {
      changes.push(portalId);
    },
    ...options,
  });
}
