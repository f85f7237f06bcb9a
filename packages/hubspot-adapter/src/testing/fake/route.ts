// Internal to the fake HubSpot: what a route declares and what its handler receives.
import type { FakeResponse } from "./http.js";
import type { FakeWorld, PortalState } from "./portal.js";
import type { AccessGrant } from "./tokens.js";

/** The OAuth app the fake plays the authorization server for. */
export interface FakeApp {
  clientId: string;
  clientSecret: string;
  appId: number;
}

/** Everything a handler may read. `portal` and `grant` are set on authenticated routes only. */
export interface RouteContext {
  method: string;
  path: string;
  /** The route pattern's captures, URL-decoded. */
  params: string[];
  query: URLSearchParams;
  /** The parsed JSON body, or the form fields as an object, or undefined. */
  body: unknown;
  /** The form fields, when the body was `application/x-www-form-urlencoded`. */
  form: URLSearchParams | undefined;
  portal: PortalState;
  grant: AccessGrant;
  app: FakeApp;
  world: FakeWorld;
  /** The portal a route with `auth: "none"` resolves by id (get-or-create). */
  portalById: (portalId: number) => PortalState;
  /** The portal an install lands in when a browser goes through GET /oauth/authorize. */
  defaultPortalId: number;
}

/**
 * One endpoint. `auth: "bearer"` needs a token the fake issued (401/403 otherwise); `limit`
 * says which HubSpot limit applies: the 10-second burst window, the search API's per-second
 * limit, or none (OAuth endpoints).
 */
export interface Route {
  method: string;
  pattern: RegExp;
  auth: "bearer" | "none";
  scope?: string;
  limit: "burst" | "search" | "none";
  handle: (ctx: RouteContext) => FakeResponse;
}
