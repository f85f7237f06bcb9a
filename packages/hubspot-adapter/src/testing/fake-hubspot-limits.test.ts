// The fake HubSpot's faults and limits, seen through the REAL @hubspot/api-client: injected
// 429/5xx answers, the sliding 110 requests / 10 s window per portal, the search API's
// 5 requests / s, and the interval headers.
import { Client } from "@hubspot/api-client";
import { afterEach, describe, expect, it } from "vitest";
import { apiError } from "./fake/api-error.js";
import type { FakeHubSpot, FakeHubSpotOptions } from "./fake-hubspot.js";
import { startFakeHubSpot } from "./fake-hubspot.js";

let clock = Date.parse("2026-03-01T10:00:00Z");
let fake: FakeHubSpot | undefined;

async function setup(options: FakeHubSpotOptions = {}) {
  clock = Date.parse("2026-03-01T10:00:00Z");
  fake = await startFakeHubSpot({ now: () => clock, ...options });
  const portal = fake.portal(101);
  const id = portal.addContact({ properties: { email: "ana@example.com" } });
  const hs = new Client({
    accessToken: portal.issueAccessToken({ expiresInSeconds: 86_400 }),
    basePath: fake.url,
    numberOfApiCallRetries: 0,
  });
  return { fake, portal, id, hs };
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("injected faults", () => {
  it("a 429 carries HubSpot's TEN_SECONDLY_ROLLING body and the interval headers, `times` times", async () => {
    const { fake, id, hs } = await setup();
    fake.inject({ path: /^\/crm\/v3\/objects\/contacts\//, status: 429, times: 2, retryAfter: 3 });
    expect(fake.pendingFaults).toBe(2);
    for (let i = 0; i < 2; i++) {
      const error = await apiError(hs.crm.contacts.basicApi.getById(id));
      expect(error.code).toBe(429);
      expect(error.body).toMatchObject({
        status: "error",
        message: "You have reached your ten_secondly_rolling limit.",
        errorType: "RATE_LIMIT",
        policyName: "TEN_SECONDLY_ROLLING",
        correlationId: expect.any(String),
      });
      expect(error.headers).toMatchObject({
        "x-hubspot-ratelimit-interval-milliseconds": "10000",
        "x-hubspot-ratelimit-max": "110",
        "x-hubspot-ratelimit-remaining": "0",
        "retry-after": "3",
      });
    }
    expect(fake.pendingFaults).toBe(0);
    expect((await hs.crm.contacts.basicApi.getById(id)).id).toBe(id);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("5xx faults reach the client as ApiException codes; only matching requests get them", async () => {
    const { fake, portal, id, hs } = await setup();
    fake.inject({ path: /\/contacts\//, method: "PATCH", status: 503 });
    expect((await hs.crm.contacts.basicApi.getById(id)).id).toBe(id);
    const write = await apiError(
      hs.crm.contacts.basicApi.update(id, { properties: { firstname: "Ana" } }),
    );
    expect(write.code).toBe(503);
    expect(write.body).toMatchObject({ status: "error", message: "Service Unavailable" });
    expect(portal.contact(id)).not.toHaveProperty("firstname");

    // A gateway's HTML page: the api-client hands the raw text over as the body.
    fake.inject({ status: 502, body: "<html><body>502 Bad Gateway</body></html>" });
    const gateway = await apiError(hs.crm.contacts.basicApi.getById(id));
    expect(gateway.code).toBe(502);
    expect(gateway.body).toBe("<html><body>502 Bad Gateway</body></html>");

    fake.inject({ path: /^\/automation\//, status: 500 });
    const callback = await apiError(
      hs.automation.actions.callbacksApi.complete("cb-1", { outputFields: { a: "b" } }),
    );
    expect(callback.code).toBe(500);
    expect(portal.completedCallbacks).toHaveLength(0);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 503, 502, 500]);
  });

  it("refuses a fault it cannot play", async () => {
    const { fake } = await setup();
    expect(() => fake.inject({ status: 404 as never })).toThrow(/fault\.status/);
    expect(() => fake.inject({ status: 429, times: 0 })).toThrow(/fault\.times/);
  });
});

describe("the real per-portal limits", () => {
  it("lets 110 requests through in 10 s, counting down the headers, then answers 429 until the window slides", async () => {
    const { fake, id, hs } = await setup();
    const other = new Client({
      accessToken: fake.portal(202).issueAccessToken({ expiresInSeconds: 86_400 }),
      basePath: fake.url,
      numberOfApiCallRetries: 0,
    });
    const theirs = fake.portal(202).addContact();
    const first = await hs.crm.contacts.basicApi.getByIdWithHttpInfo(id);
    expect(first.headers).toMatchObject({
      "x-hubspot-ratelimit-interval-milliseconds": "10000",
      "x-hubspot-ratelimit-max": "110",
      "x-hubspot-ratelimit-remaining": "109",
    });
    clock += 5_000;
    for (let i = 1; i < 110; i++) await hs.crm.contacts.basicApi.getById(id);
    const limited = await apiError(hs.crm.contacts.basicApi.getById(id));
    expect(limited.code).toBe(429);
    expect(limited.body).toMatchObject({
      policyName: "TEN_SECONDLY_ROLLING",
      errorType: "RATE_LIMIT",
    });
    expect(limited.headers).toMatchObject({ "x-hubspot-ratelimit-remaining": "0" });
    // Another portal has its own window.
    expect((await other.crm.contacts.basicApi.getById(theirs)).id).toBe(theirs);
    // Only the first request leaves the window when it slides past it.
    clock += 5_000;
    const after = await hs.crm.contacts.basicApi.getByIdWithHttpInfo(id);
    expect(after.headers["x-hubspot-ratelimit-remaining"]).toBe("0");
    expect((await apiError(hs.crm.contacts.basicApi.getById(id))).code).toBe(429);
  });

  it("limits search to 5 requests a second per portal, with the SECONDLY body and no limit headers", async () => {
    const { hs } = await setup();
    const search = () => hs.crm.contacts.searchApi.doSearchWithHttpInfo({ filterGroups: [] });
    for (let i = 0; i < 5; i++) {
      const ok = await search();
      expect(ok.headers).not.toHaveProperty("x-hubspot-ratelimit-remaining");
    }
    const limited = await apiError(search());
    expect(limited.code).toBe(429);
    expect(limited.body).toMatchObject({
      message: "You have reached your secondly limit.",
      policyName: "SECONDLY",
    });
    clock += 1_000;
    expect((await search()).httpStatusCode).toBe(200);
  });

  it("takes custom limits and can switch them off", async () => {
    const tight = await setup({ rateLimit: { max: 2, intervalMs: 1_000 } });
    await tight.hs.crm.contacts.basicApi.getById(tight.id);
    await tight.hs.crm.contacts.basicApi.getById(tight.id);
    expect((await apiError(tight.hs.crm.contacts.basicApi.getById(tight.id))).code).toBe(429);
    await tight.fake.close();
    const off = await setup({ rateLimit: false, searchRateLimit: false });
    for (let i = 0; i < 120; i++) await off.hs.crm.contacts.basicApi.getById(off.id);
    for (let i = 0; i < 8; i++) await off.hs.crm.contacts.searchApi.doSearch({ filterGroups: [] });
    expect(off.fake.requests.every((r) => r.status === 200)).toBe(true);
    await expect(startFakeHubSpot({ rateLimit: { max: 0, intervalMs: 1 } })).rejects.toThrow(
      /rateLimit\.max/,
    );
  });
});
