// Internal to the fake HubSpot: what happens to one request, in HubSpot's order: injected
// fault, route, authentication (401), scope (403), rate limit (429), body, handler.
import type { FakeResponse } from "./http.js";
import { FakeHttpError, hubspotError, validationError } from "./http.js";
import type { FaultQueue, SlidingWindow } from "./limits.js";
import { BURST_LIMIT, intervalHeaders, secondlyBody, tenSecondlyBody } from "./limits.js";
import type { FakeWorld, PortalState } from "./portal.js";
import type { FakeApp, Route, RouteContext } from "./route.js";
import type { AccessGrant } from "./tokens.js";

/** One request as the server read it. */
export interface IncomingCall {
  method: string;
  path: string;
  query: URLSearchParams;
  token: string | undefined;
  raw: string;
  contentType: string;
}

/** What the pipeline needs from the fake. */
export interface PipelineDeps {
  routes: readonly Route[];
  world: FakeWorld;
  app: FakeApp;
  faults: FaultQueue;
  burst: SlidingWindow | undefined;
  search: SlidingWindow | undefined;
  portalById: (portalId: number) => PortalState;
  defaultPortalId: number;
}

/** The parsed body: JSON, or form fields, or a parse failure to answer 400 to. */
export function parseBody(raw: string, contentType: string) {
  if (raw === "") return { body: undefined, form: undefined, invalid: false };
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    const form = new URLSearchParams(raw);
    return { body: Object.fromEntries(form), form, invalid: false };
  }
  try {
    return { body: JSON.parse(raw) as unknown, form: undefined, invalid: false };
  } catch {
    return { body: raw, form: undefined, invalid: true };
  }
}

const MISSING_SCOPES =
  "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.";

function authenticate(deps: PipelineDeps, call: IncomingCall): AccessGrant {
  const found = deps.world.tokens.lookup(call.token);
  if (found.kind === "valid") return found.grant;
  if (found.kind === "expired") {
    const seconds = Math.max(1, Math.floor(found.agoMs / 1000));
    const ago = seconds < 60 ? `${seconds} second(s)` : `${Math.floor(seconds / 60)} minute(s)`;
    throw hubspotError(
      401,
      `The OAuth token used to make this call expired ${ago} ago.`,
      "EXPIRED_AUTHENTICATION",
    );
  }
  throw hubspotError(
    401,
    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
    "INVALID_AUTHENTICATION",
  );
}

function match(routes: readonly Route[], method: string, path: string) {
  let pathKnown = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (m === null) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    try {
      return { route, params: m.slice(1).map((p) => decodeURIComponent(p ?? "")) };
    } catch {
      throw validationError(`Malformed path: ${path}`);
    }
  }
  if (pathKnown)
    throw hubspotError(405, `Method ${method} not allowed on ${path}`, "VALIDATION_ERROR");
  throw hubspotError(404, `No route for ${method} ${path}`, "OBJECT_NOT_FOUND");
}

/** Answers one call. `portalId` is the portal the bearer token names, if any (for the log). */
export function answer(
  deps: PipelineDeps,
  call: IncomingCall,
): { response: FakeResponse; portalId?: number } {
  const now = deps.world.now();
  const known = deps.world.tokens.lookup(call.token);
  const portalId =
    known.kind === "valid" || known.kind === "expired" ? known.grant.portalId : undefined;
  const tag = portalId !== undefined ? { portalId } : {};
  const limitHeaders = () => {
    if (deps.burst === undefined || portalId === undefined) return {};
    return intervalHeaders(deps.burst.limit, deps.burst.remaining(portalId, now));
  };
  // An injected 429 looks like a real one: the interval headers with nothing remaining.
  const injected = deps.faults.take(call.method, call.path, () =>
    intervalHeaders(deps.burst?.limit ?? BURST_LIMIT, 0),
  );
  if (injected !== undefined) return { response: injected, ...tag };
  let headers: Record<string, string> = {};
  try {
    const { route, params } = match(deps.routes, call.method, call.path);
    let grant: AccessGrant | undefined;
    if (route.auth === "bearer") {
      grant = authenticate(deps, call);
      if (route.scope !== undefined && !grant.scopes.includes(route.scope)) {
        throw hubspotError(403, MISSING_SCOPES, "MISSING_SCOPES", {
          errors: [
            {
              message: "One or more of the following scopes are required.",
              context: { requiredGranularScopes: [route.scope] },
            },
          ],
          links: { scopes: "https://developers.hubspot.com/scopes" },
        });
      }
      const window =
        route.limit === "burst" ? deps.burst : route.limit === "search" ? deps.search : undefined;
      if (window !== undefined && !window.admit(grant.portalId, now)) {
        const body = route.limit === "search" ? secondlyBody() : tenSecondlyBody();
        const extra = route.limit === "burst" ? intervalHeaders(window.limit, 0) : {};
        throw new FakeHttpError(429, body, extra);
      }
      if (route.limit === "burst") headers = limitHeaders();
    }
    const parsed = parseBody(call.raw, call.contentType);
    if (parsed.invalid) throw validationError("Invalid input JSON: the body is not valid JSON");
    const ctx: RouteContext = {
      method: call.method,
      path: call.path,
      params,
      query: call.query,
      body: parsed.body,
      form: parsed.form,
      // Routes without auth never read portal/grant; the casts keep RouteContext simple.
      portal: (grant ? deps.portalById(grant.portalId) : undefined) as PortalState,
      grant: grant as AccessGrant,
      app: deps.app,
      world: deps.world,
      portalById: deps.portalById,
      defaultPortalId: deps.defaultPortalId,
    };
    const response = route.handle(ctx);
    return {
      response: { ...response, headers: { ...headers, ...response.headers } },
      ...tag,
    };
  } catch (error) {
    if (!(error instanceof FakeHttpError)) throw error;
    const response = {
      status: error.status,
      body: error.body,
      headers: { ...headers, ...error.headers },
    };
    return { response, ...tag };
  }
}
