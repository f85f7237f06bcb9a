// A real settings server for the settings page's tests (not part of the package's exports): the
// adapter's settings API (validation, the property picker, the e-mail renderer) behind the
// page's own `createOtpkitApi`, with requests signed as HubSpot signs `hubspot.fetch` calls and a
// fake HubSpot on loopback holding the portal's contact properties.
import type { SettingsApi } from "@otpkit/hubspot-adapter";
import { createCrmClient, createSettingsApi } from "@otpkit/hubspot-adapter";
import type { FakeHubSpot } from "@otpkit/hubspot-adapter/testing";
import {
  createMemoryHubSpotStorage,
  signedFetchRequest,
  startFakeHubSpot,
} from "@otpkit/hubspot-adapter/testing";
import type { HubSpotFetch, OtpkitApi } from "../api.js";
import { createOtpkitApi } from "../api.js";

/**
 * The server's address, as `BACKEND_URL` would name it.
 *
 * @example
 * ```ts
 * createOtpkitApi(ORIGIN, world.fetch);
 * ```
 */
export const ORIGIN = "https://otp.example.com";
/**
 * The portal HubSpot's signed query names.
 *
 * @example
 * ```ts
 * world.fake.portal(PORTAL).property("otpkit_code");
 * ```
 */
export const PORTAL = 101;
const SECRET = "settings-page-test-client-secret";
const APP_ID = 4321;
const TOKEN = "pat-na1-settings-page-token";

/** One call the page made, as the server received it. */
export interface PageCall {
  method: string;
  /** The path and the page's own query (`/hubspot/settings/properties?refresh=1`). */
  path: string;
  body?: Record<string, unknown>;
}

/** A running settings server; `close()` it after the test. */
export interface SettingsWorld {
  /** The page's API, over the server. */
  api: OtpkitApi;
  /** `hubspot.fetch` as the page's API calls it (for `SettingsExtension`'s `fetch`). */
  fetch: HubSpotFetch;
  fake: FakeHubSpot;
  /** Every call the page made, oldest first. */
  calls: PageCall[];
  /** Saves settings as they are, unvalidated (old or damaged saved settings). */
  saveRaw(json: string): Promise<void>;
  /** Until the returned function is called, calls to `path` (no query) do not answer. */
  hold(path: string): () => void;
  /** While true, every call fails as when the server cannot be reached. */
  offline: boolean;
  /** Paths (no query) whose calls fail as when the server cannot be reached. */
  unreachable: Set<string>;
  /** Creates a text contact property in the fake HubSpot, as an admin would in HubSpot. */
  addContactProperty(name: string, label: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the server: portal {@link PORTAL} with HubSpot's default contact properties, nothing
 * saved yet.
 *
 * @param options `now`: a fixed server clock, epoch ms (pictures); by default the real clock.
 * @throws When the fake HubSpot cannot listen on loopback.
 * @example
 * ```ts
 * const world = await startSettingsWorld();
 * render(<SettingsPage api={world.api} actions={mocks.actions} />);
 * ```
 */
export async function startSettingsWorld(options: { now?: number } = {}): Promise<SettingsWorld> {
  const now = () => options.now ?? Date.now();
  const fake = await startFakeHubSpot({ portals: [{ portalId: PORTAL, accessToken: TOKEN }] });
  const storage = createMemoryHubSpotStorage();
  const crm = createCrmClient({
    portalId: PORTAL,
    accessToken: async () => TOKEN,
    basePath: fake.url,
    sleep: async () => {},
  });
  const server: SettingsApi = createSettingsApi({
    clientSecret: SECRET,
    appId: APP_ID,
    storage,
    crmFor: () => crm,
    productName: "Acme",
    now,
  });
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    "GET /hubspot/settings": server.get,
    "PUT /hubspot/settings": server.put,
    "GET /hubspot/settings/properties": server.properties,
    "POST /hubspot/settings/preview": server.preview,
  };
  const holds = new Map<string, Promise<void>>();

  const world: SettingsWorld = {
    api: undefined as unknown as OtpkitApi,
    fetch: async (url, options = {}) => {
      const u = new URL(String(url));
      if (world.offline || world.unreachable.has(u.pathname)) throw new TypeError("fetch failed");
      const method = options.method ?? "GET";
      const body = options.body as Record<string, unknown> | undefined;
      world.calls.push({ method, path: `${u.pathname}${u.search}`, ...(body ? { body } : {}) });
      await holds.get(u.pathname);
      const route = routes[`${method} ${u.pathname}`];
      if (route === undefined) return new Response("{}", { status: 404 });
      const request = signedFetchRequest({
        url: String(url),
        method,
        clientSecret: SECRET,
        query: { appId: APP_ID, portalId: PORTAL, userId: 7, userEmail: "admin@example.org" },
        timestamp: now(),
        ...(body ? { body } : {}),
      });
      return route(request);
    },
    fake,
    calls: [],
    saveRaw: (json) => storage.putSettings(PORTAL, json),
    hold(path) {
      let release = () => {};
      holds.set(
        path,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => {
        holds.delete(path);
        release();
      };
    },
    offline: false,
    unreachable: new Set(),
    async addContactProperty(name, label) {
      const response = await fetch(`${fake.url}/crm/v3/properties/contacts`, {
        method: "POST",
        headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          name,
          label,
          type: "string",
          fieldType: "text",
          groupName: "contactinformation",
        }),
      });
      if (!response.ok)
        throw new Error(`the fake HubSpot refused ${name}: ${await response.text()}`);
    },
    close: () => fake.close(),
  };
  world.api = createOtpkitApi(ORIGIN, world.fetch);
  return world;
}
