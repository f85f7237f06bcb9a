// createHubSpotOAuth against the fake HubSpot over real HTTP: the browser's install round trip
// (authorize → callback), token metadata, refresh by the fake's clock, revocation, injected faults.
import { Client } from "@hubspot/api-client";
import { isOtpError } from "@otpkit/otp-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HubSpotOAuth, HubSpotOAuthOptions } from "./oauth.js";
import { createHubSpotOAuth } from "./oauth.js";
import type { HubSpotAppStorage } from "./storage.js";
import type { FakeHubSpot } from "./testing/fake-hubspot.js";
import { startFakeHubSpot } from "./testing/fake-hubspot.js";
import { createMemoryHubSpotStorage } from "./testing/memory-storage.js";

const REDIRECT = "http://127.0.0.1:9/hubspot/oauth/callback";
const PORTAL = 4242;
const SECRETS = [{ id: "k1", key: "fake-test-secret-fake-test-secret-0123456789" }];
const MINUTE = 60_000;

let clock: number;
let fake: FakeHubSpot;
let storage: HubSpotAppStorage;

beforeEach(async () => {
  clock = Date.parse("2026-03-01T10:00:00Z");
  fake = await startFakeHubSpot({
    now: () => clock,
    app: { clientId: "client-1", clientSecret: "secret-1", appId: 7 },
    defaultPortalId: PORTAL,
  });
  storage = createMemoryHubSpotStorage();
});

afterEach(async () => {
  await fake.close();
});

function oauth(over: Partial<HubSpotOAuthOptions> = {}): HubSpotOAuth {
  return createHubSpotOAuth({
    clientId: "client-1",
    clientSecret: "secret-1",
    redirectUri: REDIRECT,
    basePath: fake.url,
    authBaseUrl: fake.url,
    storage,
    secrets: SECRETS,
    now: () => clock,
    ...over,
  });
}

/** What the browser does: open the install URL and follow HubSpot's redirect to our callback. */
async function browserInstall(
  o: HubSpotOAuth,
): Promise<{ response: Response; callbackUrl: string }> {
  const consent = await fetch(await o.installUrl(), { redirect: "manual" });
  expect(consent.status).toBe(302);
  const callbackUrl = consent.headers.get("Location")!;
  expect(callbackUrl.startsWith(`${REDIRECT}?`)).toBe(true);
  return { response: await o.handleCallback(new Request(callbackUrl)), callbackUrl };
}

describe("install through the fake HubSpot", () => {
  it("installs: the code is exchanged at /oauth/v3/token and the token maps to the portal", async () => {
    const o = oauth();
    const { response } = await browserInstall(o);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`HubSpot account ${PORTAL}`);
    expect(
      fake.requests.map((r) => `${r.method} ${r.path.replace(/[^/]+$/, "*")} ${r.status}`),
    ).toEqual(["GET /oauth/* 302", "POST /oauth/v3/* 200", "GET /oauth/v1/access-tokens/* 200"]);
    const authorize = fake.requests[0]!;
    expect(authorize.query["scope"]).toBe(o.scopes.join(" "));

    // The stored token works with the real api-client against the fake.
    const token = await o.accessToken(PORTAL);
    const info = await new Client({
      basePath: fake.url,
      numberOfApiCallRetries: 0,
    }).oauth.accessTokensApi.get(token);
    expect(info).toMatchObject({ hubId: PORTAL, appId: 7, scopes: [...o.scopes] });
  });

  it("refuses a replayed callback URL, and a reused code even without a state check", async () => {
    const strict = oauth();
    const { callbackUrl } = await browserInstall(strict);
    const replay = await strict.handleCallback(new Request(callbackUrl));
    expect(replay.status).toBe(400);
    expect(replay.headers.get("X-OTPKit-Reason")).toBe("state_invalid");

    const lenient = oauth({ allowInstallWithoutState: true });
    const code = new URL(callbackUrl).searchParams.get("code")!;
    const reused = await lenient.handleCallback(new Request(`${REDIRECT}?code=${code}`));
    expect(reused.status, "HubSpot's codes are single-use").toBe(400);
    expect(reused.headers.get("X-OTPKit-Reason")).toBe("code_rejected");
  });

  it("answers 400 code_rejected for a wrong client secret, 502 when HubSpot fails", async () => {
    const wrong = await browserInstall(oauth({ clientSecret: "not-the-secret" }));
    expect(wrong.response.status).toBe(400);
    expect(wrong.response.headers.get("X-OTPKit-Reason")).toBe("code_rejected");

    fake.inject({ path: /^\/oauth\/v3\/token$/, status: 503 });
    const failing = await browserInstall(oauth());
    expect(failing.response.status).toBe(502);
    expect(await storage.getTokens(PORTAL)).toBeNull();
  });
});

describe("tokens through the fake HubSpot", () => {
  it("refreshes 5 minutes before expiry, once for concurrent callers, with a token the fake accepts", async () => {
    const o = oauth();
    await browserInstall(o);
    const first = await o.accessToken(PORTAL);
    fake.requests.length = 0;
    clock += 25 * MINUTE + 1; // under 5 minutes left
    const tokens = await Promise.all(Array.from({ length: 10 }, () => o.accessToken(PORTAL)));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    const refreshes = fake.requests.filter((r) => r.path === "/oauth/v3/token");
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.body).toMatchObject({
      grant_type: "refresh_token",
      client_id: "client-1",
    });

    clock += 10 * MINUTE; // the first token has expired at the fake; the new one has not
    const hs = new Client({ basePath: fake.url, numberOfApiCallRetries: 0 });
    await expect(hs.oauth.accessTokensApi.get(first)).rejects.toMatchObject({ code: 404 });
    await expect(hs.oauth.accessTokensApi.get(tokens[0]!)).resolves.toMatchObject({
      hubId: PORTAL,
    });
  });

  it("maps an injected 429 and 503 on refresh to retryable errors, then recovers", async () => {
    const o = oauth();
    await browserInstall(o);
    clock += 29 * MINUTE;
    fake.inject({ path: /^\/oauth\/v3\/token$/, status: 429 });
    await expect(o.accessToken(PORTAL)).rejects.toMatchObject({
      code: "PROVIDER_THROTTLED",
      retryable: true,
    });
    fake.inject({ path: /^\/oauth\/v3\/token$/, status: 503 });
    await expect(o.accessToken(PORTAL)).rejects.toMatchObject({
      code: "PROVIDER_REJECTED",
      retryable: true,
      details: { status: 503 },
    });
    await expect(o.accessToken(PORTAL)).resolves.toMatch(/^CN/);
  });

  it("uninstall revokes the refresh token at HubSpot and forgets the portal", async () => {
    const o = oauth();
    await browserInstall(o);
    expect(await o.uninstall(PORTAL)).toEqual({ revoked: true });
    const revoke = fake.requests.at(-1)!;
    expect(revoke).toMatchObject({ method: "DELETE", status: 204 });
    expect(revoke.path.startsWith("/oauth/v1/refresh-tokens/")).toBe(true);
    const error = await o.accessToken(PORTAL).catch((e: unknown) => e);
    expect(isOtpError(error) && error.details?.["reason"]).toBe("not_installed");

    // Re-installed, the refresh token HubSpot revoked is not the one in use any more.
    await browserInstall(o);
    clock += 29 * MINUTE;
    await expect(o.accessToken(PORTAL)).resolves.toMatch(/^CN/);
  });

  it("a refresh token revoked in HubSpot gives a non-retryable refresh_rejected", async () => {
    const o = oauth();
    await browserInstall(o);
    fake.portal(PORTAL).revokeTokens();
    clock += 29 * MINUTE;
    await expect(o.accessToken(PORTAL)).rejects.toMatchObject({
      code: "PROVIDER_REJECTED",
      retryable: false,
      details: { reason: "refresh_rejected", status: 400 },
    });
  });
});
