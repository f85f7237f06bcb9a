// The fake HubSpot's OAuth: code exchange and refresh through the REAL @hubspot/api-client
// (which calls /oauth/v1/token), /oauth/v3/token with a form body, token metadata, expiry by
// the fake's clock, revocation and the auto-approving authorize page.
import { Client } from "@hubspot/api-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiError } from "./fake/api-error.js";
import type { FakeHubSpot } from "./fake-hubspot.js";
import { startFakeHubSpot } from "./fake-hubspot.js";

const REDIRECT = "https://app.example.test/hubspot/oauth/callback";
const CLIENT_ID = "client-123";
const CLIENT_SECRET = "secret-456";

let clock: number;
let fake: FakeHubSpot;
let hs: Client;

beforeEach(async () => {
  clock = Date.parse("2026-03-01T10:00:00Z");
  fake = await startFakeHubSpot({
    now: () => clock,
    app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appId: 42 },
  });
  hs = new Client({ basePath: fake.url, numberOfApiCallRetries: 0 });
});

afterEach(async () => {
  await fake.close();
});

function exchange(code: string, redirect = REDIRECT, secret = CLIENT_SECRET) {
  return hs.oauth.tokensApi.create("authorization_code", code, redirect, CLIENT_ID, secret);
}

describe("token endpoint (v1, through tokensApi.create)", () => {
  it("exchanges an install code for 30-minute tokens bound to the installing portal", async () => {
    const code = fake
      .portal(555)
      .authorize({ redirectUri: REDIRECT, scopes: ["oauth", "automation"] });
    const tokens = await exchange(code);
    expect(tokens).toMatchObject({ tokenType: "bearer", expiresIn: 1800 });
    expect(tokens.accessToken.length).toBeGreaterThan(40);
    expect(tokens.refreshToken).toMatch(/^[0-9a-f-]{36}$/);
    const info = await hs.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info).toMatchObject({
      hubId: 555,
      appId: 42,
      scopes: ["oauth", "automation"],
      expiresIn: 1800,
    });
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      path: "/oauth/v1/token",
      body: {
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT,
        client_id: CLIENT_ID,
      },
      status: 200,
    });
  });

  it("refuses a reused code, a different redirect_uri, a wrong secret and an unknown grant", async () => {
    const portal = fake.portal(555);
    const code = portal.authorize({ redirectUri: REDIRECT });
    await exchange(code);
    const reused = await apiError(exchange(code));
    expect(reused.code).toBe(400);
    expect(reused.body).toMatchObject({ status: "BAD_AUTH_CODE" });
    const redirect = await apiError(
      exchange(portal.authorize({ redirectUri: REDIRECT }), `${REDIRECT}x`),
    );
    expect(redirect.body).toMatchObject({ status: "BAD_REDIRECT_URI" });
    const secret = await apiError(
      exchange(portal.authorize({ redirectUri: REDIRECT }), REDIRECT, "nope"),
    );
    expect(secret.body).toMatchObject({ status: "BAD_CLIENT_SECRET" });
    const grant = await apiError(
      hs.oauth.tokensApi.create("password", undefined, undefined, CLIENT_ID, CLIENT_SECRET),
    );
    expect(grant.body).toMatchObject({ status: "BAD_GRANT_TYPE" });
  });

  it("expires access tokens after 1800 s of the fake's clock; a refresh grant issues a new one", async () => {
    const portal = fake.portal(555);
    const id = portal.addContact({ properties: { email: "ana@example.com" } });
    const first = await exchange(portal.authorize({ redirectUri: REDIRECT }));
    const api = (token: string) =>
      new Client({ accessToken: token, basePath: fake.url, numberOfApiCallRetries: 0 });
    clock += 1799_000;
    await api(first.accessToken).crm.contacts.basicApi.getById(id);
    clock += 7_000;
    const expired = await apiError(api(first.accessToken).crm.contacts.basicApi.getById(id));
    expect(expired.code).toBe(401);
    expect(expired.body).toMatchObject({
      category: "EXPIRED_AUTHENTICATION",
      message: "The OAuth token used to make this call expired 6 second(s) ago.",
    });
    const refreshed = await hs.oauth.tokensApi.create(
      "refresh_token",
      undefined,
      undefined,
      CLIENT_ID,
      CLIENT_SECRET,
      first.refreshToken,
    );
    expect(refreshed.refreshToken).toBe(first.refreshToken);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect((await api(refreshed.accessToken).crm.contacts.basicApi.getById(id)).id).toBe(id);
  });

  it("a revoked refresh token (refreshTokensApi.archive) no longer refreshes", async () => {
    const first = await exchange(fake.portal(555).authorize({ redirectUri: REDIRECT }));
    expect((await hs.oauth.refreshTokensApi.get(first.refreshToken)).hubId).toBe(555);
    await hs.oauth.refreshTokensApi.archive(first.refreshToken);
    const refused = await apiError(
      hs.oauth.tokensApi.create(
        "refresh_token",
        undefined,
        undefined,
        CLIENT_ID,
        CLIENT_SECRET,
        first.refreshToken,
      ),
    );
    expect(refused.body).toMatchObject({ status: "BAD_REFRESH_TOKEN" });
  });

  it("revokeTokens() (an uninstall) kills the portal's access and refresh tokens", async () => {
    const portal = fake.portal(555);
    const first = await exchange(portal.authorize({ redirectUri: REDIRECT }));
    portal.revokeTokens();
    expect((await apiError(hs.oauth.accessTokensApi.get(first.accessToken))).code).toBe(404);
    const refused = await apiError(
      hs.oauth.tokensApi.create(
        "refresh_token",
        undefined,
        undefined,
        CLIENT_ID,
        CLIENT_SECRET,
        first.refreshToken,
      ),
    );
    expect(refused.code).toBe(400);
  });
});

describe("token endpoint v3 and the authorize page", () => {
  it("POST /oauth/v3/token takes every parameter in the form body", async () => {
    const code = fake.portal(777).authorize({ redirectUri: REDIRECT });
    const form = new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    const response = await hs.apiRequest({
      method: "POST",
      path: "/oauth/v3/token",
      body: form.toString(),
      defaultJson: false,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 1800 });
    const again = await fetch(`${fake.url}/oauth/v3/token`, { method: "POST", body: form });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ status: "error", category: "VALIDATION_ERROR" });
    const json = await fetch(`${fake.url}/oauth/v3/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.fromEntries(form)),
    });
    expect(json.status).toBe(400);
  });

  it("GET /oauth/authorize approves at once and redirects with code and state", async () => {
    const url = new URL(`${fake.url}/oauth/authorize`);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: "oauth crm.objects.contacts.read",
      state: "st-1",
    }).toString();
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("st-1");
    const tokens = await exchange(location.searchParams.get("code") ?? "");
    const info = await hs.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info).toMatchObject({ hubId: 1, scopes: ["oauth", "crm.objects.contacts.read"] });
  });
});
