// A fake HubSpot on loopback for tests and for trying the app without a HubSpot account. It
// speaks the paths, status codes and JSON shapes @hubspot/api-client 13.4.0 expects (from its
// codegen), keeps each portal's data apart, and enforces HubSpot's documented limits.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { argumentError, configError, intOption } from "@otpkit/otp-core";
import { callbackRoutes } from "./fake/callback-routes.js";
import type { FakeResponse } from "./fake/http.js";
import type { FakeFault, RateLimit } from "./fake/limits.js";
import { BURST_LIMIT, FaultQueue, SEARCH_LIMIT, SlidingWindow } from "./fake/limits.js";
import { oauthRoutes } from "./fake/oauth-routes.js";
import { objectRoutes } from "./fake/object-routes.js";
import { ownerRoutes } from "./fake/owner-routes.js";
import type { IncomingCall } from "./fake/pipeline.js";
import { answer, parseBody } from "./fake/pipeline.js";
import type { FakePortal, FakeWorld } from "./fake/portal.js";
import { PortalState } from "./fake/portal.js";
import { propertyRoutes } from "./fake/property-routes.js";
import type { FakeApp, Route } from "./fake/route.js";
import { ALL_SCOPES, bearer, TokenRegistry } from "./fake/tokens.js";

export type { FakeFault, RateLimit } from "./fake/limits.js";
export type {
  FakeCompletedCallback,
  FakeOwner,
  FakePortal,
  FakeRecordInput,
} from "./fake/portal.js";
export type { FakeApp } from "./fake/route.js";
export type {
  FakeObjectType,
  FakeProperty,
  FakePropertyGroup,
  FakePropertyOption,
} from "./fake/schema.js";

/** A portal that exists from the start, optionally with a static token that never expires. */
export interface FakePortalOptions {
  portalId: number;
  /** A static bearer token for this portal (like a private app's token). */
  accessToken?: string;
  /** The static token's scopes. @default every scope the fake checks */
  scopes?: readonly string[];
}

/** Options of {@link startFakeHubSpot}. */
export interface FakeHubSpotOptions {
  /** The loopback port. @default 0 (any free port) */
  port?: number;
  /** The fake's clock in ms since the epoch: token expiry and rate windows follow it. @default Date.now */
  now?: () => number;
  /** The OAuth app. @default { clientId: "fake-client-id", clientSecret: "fake-client-secret", appId: 1 } */
  app?: Partial<FakeApp>;
  /** Portals to create up front (others are created by `fake.portal(id)` on first use). */
  portals?: readonly FakePortalOptions[];
  /** The portal a browser install (GET /oauth/authorize) lands in. @default the first of `portals`, else 1 */
  defaultPortalId?: number;
  /** The per-portal burst limit, or false for none. @default 110 requests / 10 s */
  rateLimit?: RateLimit | false;
  /** The per-portal search limit, or false for none. @default 5 requests / 1 s */
  searchRateLimit?: RateLimit | false;
}

/** One request as the fake received and answered it. */
export interface FakeRequestLogEntry {
  method: string;
  /** The path without the query. */
  path: string;
  /** The query; a repeated key gives a list. */
  query: Record<string, string | string[]>;
  /** The parsed JSON body, the form fields as an object, the raw text, or undefined. */
  body: unknown;
  status: number;
  /** The portal of the bearer token, if it named one. */
  portalId: number | undefined;
}

/** A running fake HubSpot. */
export interface FakeHubSpot {
  /** `http://127.0.0.1:<port>`: the api-client's `basePath`. */
  readonly url: string;
  readonly port: number;
  readonly app: FakeApp;
  /** Every portal so far, by id. */
  readonly portals: ReadonlyMap<number, FakePortal>;
  /** Every request, oldest first (clear it with `requests.length = 0`). */
  readonly requests: FakeRequestLogEntry[];
  /** The portal with this id, created empty on first use. @throws {OtpError} INVALID_ARGUMENT */
  portal(portalId: number): FakePortal;
  /** Answers the next `times` matching requests with a fault. @throws {OtpError} INVALID_ARGUMENT */
  inject(fault: FakeFault): void;
  /** How many injected answers are still queued. */
  readonly pendingFaults: number;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const FAULT_STATUSES = [429, 500, 502, 503, 504];

function checkRate(field: string, value: RateLimit | false | undefined, fallback: RateLimit) {
  if (value === false) return undefined;
  if (value === undefined) return new SlidingWindow(fallback);
  intOption(`${field}.max`, value.max, 1, 1_000_000);
  intOption(`${field}.intervalMs`, value.intervalMs, 1, 86_400_000);
  return new SlidingWindow({ max: value.max, intervalMs: value.intervalMs });
}

function portalIdOf(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw argumentError(field, "a positive integer", value);
  }
  return value;
}

async function readCall(req: IncomingMessage): Promise<IncomingCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  return {
    method: (req.method ?? "GET").toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    token: bearer(req.headers.authorization),
    raw: Buffer.concat(chunks).toString("utf8"),
    contentType: req.headers["content-type"] ?? "",
  };
}

function send(res: ServerResponse, response: FakeResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let text = "";
  if (response.status !== 204 && response.body !== undefined) {
    const raw = typeof response.body === "string";
    text = raw ? (response.body as string) : JSON.stringify(response.body);
    if (text !== "") {
      headers["Content-Type"] = response.contentType ?? "application/json;charset=utf-8";
    }
  }
  headers["Content-Length"] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers);
  res.end(text);
}

function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
}

/**
 * Starts a fake HubSpot on 127.0.0.1: CRM contacts and deals (get, create, update, search,
 * batch update), owners, contact and deal properties and groups, OAuth (v1 and v3 token
 * endpoints, token metadata, an auto-approving authorize page) and workflow callback
 * completion. Every API call needs `Authorization: Bearer <token>` of a token the fake issued
 * (or a static one from `portals`), and reaches only that token's portal.
 *
 * @throws {OtpError} CONFIG_INVALID when an option is out of range.
 * @example
 * import { Client } from "@hubspot/api-client";
 * const fake = await startFakeHubSpot();
 * const portal = fake.portal(101);
 * const id = portal.addContact({ properties: { email: "ana@example.com" } });
 * const hs = new Client({ accessToken: portal.issueAccessToken(), basePath: fake.url,
 *   numberOfApiCallRetries: 0 });
 * await hs.crm.contacts.basicApi.update(id, { properties: { firstname: "Ana" } });
 * portal.contact(id)?.firstname; // "Ana"
 * await fake.close();
 */
export async function startFakeHubSpot(options: FakeHubSpotOptions = {}): Promise<FakeHubSpot> {
  const port = intOption("port", options.port ?? 0, 0, 65_535);
  const now = options.now ?? Date.now;
  if (typeof now !== "function") throw configError("now", "a function returning ms", now);
  const app: FakeApp = {
    clientId: options.app?.clientId ?? "fake-client-id",
    clientSecret: options.app?.clientSecret ?? "fake-client-secret",
    appId: options.app?.appId ?? 1,
  };
  let counter = 1000;
  const tokens = new TokenRegistry(now);
  const world: FakeWorld = { now, tokens, clientId: app.clientId, nextId: () => String(++counter) };
  const portals = new Map<number, PortalState>();
  const portalById = (portalId: number) => {
    const id = portalIdOf("portalId", portalId);
    let portal = portals.get(id);
    if (portal === undefined) {
      portal = new PortalState(id, world);
      portals.set(id, portal);
    }
    return portal;
  };
  for (const [i, p] of (options.portals ?? []).entries()) {
    portalById(portalIdOf(`portals[${i}].portalId`, p.portalId));
    if (p.accessToken !== undefined)
      tokens.addStatic(p.accessToken, p.portalId, p.scopes ?? ALL_SCOPES);
  }
  const routes: Route[] = [
    ...oauthRoutes(),
    ...objectRoutes("contacts"),
    ...objectRoutes("deals"),
    ...propertyRoutes("contacts"),
    ...propertyRoutes("deals"),
    ...ownerRoutes(),
    ...callbackRoutes(),
  ];
  const faults = new FaultQueue();
  const deps = {
    routes,
    world,
    app,
    faults,
    burst: checkRate("rateLimit", options.rateLimit, BURST_LIMIT),
    search: checkRate("searchRateLimit", options.searchRateLimit, SEARCH_LIMIT),
    portalById,
    defaultPortalId: options.defaultPortalId ?? options.portals?.[0]?.portalId ?? 1,
  };
  const requests: FakeRequestLogEntry[] = [];

  const server = createServer((req, res) => {
    readCall(req).then(
      (call) => {
        const entry: FakeRequestLogEntry = {
          method: call.method,
          path: call.path,
          query: queryRecord(call.query),
          body: parseBody(call.raw, call.contentType).body,
          status: 0,
          portalId: undefined,
        };
        requests.push(entry);
        let result: ReturnType<typeof answer>;
        try {
          result = answer(deps, call);
        } catch (error) {
          // A bug in the fake itself: say so loudly rather than pass for a HubSpot 500.
          const message = error instanceof Error ? error.message : String(error);
          result = {
            response: {
              status: 500,
              body: { status: "error", message: `fake HubSpot bug: ${message}` },
            },
          };
        }
        entry.status = result.response.status;
        entry.portalId = result.portalId;
        send(res, result.response);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    app,
    portals,
    requests,
    portal: portalById,
    inject(fault) {
      if (!FAULT_STATUSES.includes(fault.status)) {
        throw argumentError("fault.status", FAULT_STATUSES.join(" | "), fault.status);
      }
      const times = fault.times ?? 1;
      if (!Number.isInteger(times) || times < 1)
        throw argumentError("fault.times", "an integer >= 1", times);
      faults.add(fault, times);
    },
    get pendingFaults() {
      return faults.pending;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
