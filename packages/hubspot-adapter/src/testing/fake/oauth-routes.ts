// The OAuth side of the fake: the token endpoint (v1, which @hubspot/api-client 13.4.0 calls,
// and v3; form bodies, authorization_code and refresh_token grants), token metadata, refresh
// token revocation, and an auto-approving GET /oauth/authorize for trying the app in a browser.
import { randomUUID } from "node:crypto";
import type { FakeResponse } from "./http.js";
import { FakeHttpError, json, notFound, validationError } from "./http.js";
import type { Route, RouteContext } from "./route.js";
import { ACCESS_TOKEN_TTL_SECONDS, ALL_SCOPES } from "./tokens.js";

type Version = "v1" | "v3";

/** v1 answers `{ status: "BAD_…", message }` (HubSpot's legacy shape); v3 the v3 envelope. */
function oauthError(version: Version, code: string, message: string): FakeHttpError {
  if (version === "v1") {
    return new FakeHttpError(400, { status: code, message, correlationId: randomUUID() });
  }
  return validationError(message);
}

/** The metadata HubSpot reports for a portal's installing user (fixed per portal in the fake). */
export function portalUser(portalId: number) {
  return {
    user: `user@${portalId}.fake-hubspot.test`,
    user_id: portalId + 1,
    hub_domain: `${portalId}.fake-hubspot.test`,
  };
}

function token(ctx: RouteContext, version: Version): FakeResponse {
  const form = ctx.form;
  if (form === undefined) {
    throw oauthError(version, "BAD_REQUEST", "the body must be application/x-www-form-urlencoded");
  }
  const field = (name: string) => form.get(name) ?? "";
  const { tokens } = ctx.world;
  if (field("client_id") !== ctx.app.clientId) {
    throw oauthError(version, "BAD_CLIENT_ID", "missing or unknown client id");
  }
  // Why: a client secret is compared exactly; the fake never accepts a near miss.
  if (field("client_secret") !== ctx.app.clientSecret) {
    throw oauthError(version, "BAD_CLIENT_SECRET", "missing or invalid client secret");
  }
  let portalId: number;
  let scopes: readonly string[];
  let refreshToken: string;
  const grantType = field("grant_type");
  if (grantType === "authorization_code") {
    const grant = tokens.redeemCode(field("code"));
    if (grant === undefined || grant.clientId !== ctx.app.clientId) {
      throw oauthError(version, "BAD_AUTH_CODE", "missing or unknown auth code");
    }
    if (field("redirect_uri") !== grant.redirectUri) {
      throw oauthError(
        version,
        "BAD_REDIRECT_URI",
        "redirect_uri does not match initial auth code URL",
      );
    }
    ({ portalId, scopes } = grant);
    refreshToken = tokens.issueRefresh(portalId, ctx.app.clientId, scopes);
  } else if (grantType === "refresh_token") {
    refreshToken = field("refresh_token");
    const grant = tokens.refreshGrant(refreshToken);
    if (grant === undefined || grant.clientId !== ctx.app.clientId) {
      throw oauthError(version, "BAD_REFRESH_TOKEN", "missing or unknown refresh token");
    }
    ({ portalId, scopes } = grant);
  } else {
    throw oauthError(version, "BAD_GRANT_TYPE", `unsupported grant_type: ${grantType || "(none)"}`);
  }
  const access = tokens.issueAccess(portalId, scopes);
  ctx.portalById(portalId);
  return json(200, {
    token_type: "bearer",
    refresh_token: refreshToken,
    access_token: access.token,
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
  });
}

function accessTokenInfo(ctx: RouteContext): FakeResponse {
  const [value = ""] = ctx.params;
  const found = ctx.world.tokens.lookup(value);
  if (found.kind !== "valid") throw notFound("Token not found or expired");
  const { grant } = found;
  const expiresIn =
    grant.expiresAt === null
      ? ACCESS_TOKEN_TTL_SECONDS
      : Math.floor((grant.expiresAt - ctx.world.now()) / 1000);
  return json(200, {
    token: grant.token,
    ...portalUser(grant.portalId),
    scopes: grant.scopes,
    hub_id: grant.portalId,
    app_id: ctx.app.appId,
    expires_in: expiresIn,
    token_type: "access",
  });
}

function refreshTokenInfo(ctx: RouteContext): FakeResponse {
  const [value = ""] = ctx.params;
  const grant = ctx.world.tokens.refreshGrant(value);
  if (grant === undefined) throw notFound("Refresh token not found");
  return json(200, {
    token: value,
    ...portalUser(grant.portalId),
    scopes: grant.scopes,
    hub_id: grant.portalId,
    client_id: grant.clientId,
    token_type: "refresh",
  });
}

function revokeRefresh(ctx: RouteContext): FakeResponse {
  if (!ctx.world.tokens.revokeRefresh(ctx.params[0] ?? ""))
    throw notFound("Refresh token not found");
  return { status: 204 };
}

function authorize(ctx: RouteContext): FakeResponse {
  const q = ctx.query;
  if (q.get("client_id") !== ctx.app.clientId) throw validationError("unknown client_id");
  const redirectUri = q.get("redirect_uri") ?? "";
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    throw validationError("redirect_uri must be an absolute URL");
  }
  const named = `${q.get("scope") ?? ""} ${q.get("optional_scope") ?? ""}`.split(/\s+/);
  const scopes = named.filter((s) => s !== "");
  const portal = ctx.portalById(ctx.defaultPortalId);
  // The fake approves at once: no consent screen, the user is the portal's installing user.
  const code = portal.authorize({ redirectUri, scopes: scopes.length > 0 ? scopes : ALL_SCOPES });
  target.searchParams.set("code", code);
  const state = q.get("state");
  if (state !== null) target.searchParams.set("state", state);
  return { status: 302, headers: { Location: target.toString() }, body: "" };
}

/** The OAuth routes; none needs a bearer token and none counts toward a portal's limit. */
export function oauthRoutes(): Route[] {
  const open = { auth: "none", limit: "none" } as const;
  return [
    { ...open, method: "POST", pattern: /^\/oauth\/v1\/token$/, handle: (ctx) => token(ctx, "v1") },
    { ...open, method: "POST", pattern: /^\/oauth\/v3\/token$/, handle: (ctx) => token(ctx, "v3") },
    {
      ...open,
      method: "GET",
      pattern: /^\/oauth\/v1\/access-tokens\/([^/]+)$/,
      handle: accessTokenInfo,
    },
    {
      ...open,
      method: "GET",
      pattern: /^\/oauth\/v1\/refresh-tokens\/([^/]+)$/,
      handle: refreshTokenInfo,
    },
    {
      ...open,
      method: "DELETE",
      pattern: /^\/oauth\/v1\/refresh-tokens\/([^/]+)$/,
      handle: revokeRefresh,
    },
    { ...open, method: "GET", pattern: /^\/oauth\/authorize$/, handle: authorize },
  ];
}
