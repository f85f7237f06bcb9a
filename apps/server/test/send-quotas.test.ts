import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { ConfigError } from "../src/config-error.js";
import { call, startConversationServer } from "./support/conversations.js";
import { emails } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

// Send quotas and geo permissions through the HTTP API: the engine's quota per destination
// (OTP_DESTINATION_*), the server's quota per API key in the shared store (API_KEY_MAX_SENDS_*),
// and the phone-country allow-list (OTP_PHONE_COUNTRIES).

const V = "/api/v1/verifications";
// A fixed start, on the hour: the key quota counts in clock hours, which a test must not straddle.
const NOON = Date.UTC(2026, 10, 22, 12, 0, 0);

interface ApiError {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await createTestServer(env, { startAt: NOON });
  servers.push(server);
  return server;
}

/** Starts a verification with a server's key, or another `token`. */
function post(s: TestServer, body: Record<string, unknown>, token = s.token): Promise<Response> {
  return Promise.resolve(
    s.app.request(V, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

async function audit(s: TestServer, subject: string) {
  const res = await s.api(`/api/v1/audit?subject=${subject}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: Array<Record<string, unknown>> }).events;
}

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("the quota per destination (OTP_DESTINATION_*)", () => {
  it("answers 429 THROTTLED destination_quota once one address got its codes, over every subject", async () => {
    const s = await start({ OTP_DESTINATION_MAX_PER_HOUR: "2" });
    for (const subject of ["u1", "u2"]) {
      expect((await post(s, { subject, recipient: { email: "ana@example.com" } })).status).toBe(
        201,
      );
    }
    const res = await post(s, { subject: "u3", recipient: { email: "ANA@example.com" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3600");
    expect(((await res.json()) as ApiError).error).toMatchObject({
      code: "THROTTLED",
      details: { reason: "destination_quota", retryAfterSeconds: 3600 },
    });
    expect(await emails(s.rt)).toHaveLength(2);
    expect(await audit(s, "u3")).toEqual([
      expect.objectContaining({
        type: "quota_exceeded",
        destination: "A***@example.com", // masked as this request wrote it
        reason: "destination_quota",
      }),
    ]);
  });

  it("is off with OTP_DESTINATION_QUOTA=false", async () => {
    const s = await start({ OTP_DESTINATION_QUOTA: "false", OTP_DESTINATION_MAX_PER_HOUR: "1" });
    for (const subject of ["u1", "u2", "u3"]) {
      expect((await post(s, { subject, recipient: { email: "ana@example.com" } })).status).toBe(
        201,
      );
    }
  });

  it("refuses a daily quota under the hourly one at start, naming the variable", () => {
    const error = configError({
      OTP_DESTINATION_MAX_PER_HOUR: "20",
      OTP_DESTINATION_MAX_PER_DAY: "10",
    });
    expect(error.variable).toBe("OTP_DESTINATION_MAX_PER_DAY");
    expect(error.message).toMatch(
      /^Invalid OTP_DESTINATION_MAX_PER_DAY: .*at least .*\(20\), got 10; use at least OTP_DESTINATION_MAX_PER_HOUR, or leave it unset\.$/,
    );
    expect(configError({ OTP_DESTINATION_MAX_PER_HOUR: "0" }).variable).toBe(
      "OTP_DESTINATION_MAX_PER_HOUR",
    );
  });
});

describe("the phone-country allow-list (OTP_PHONE_COUNTRIES)", () => {
  it("answers 422 DESTINATION_NOT_ALLOWED naming the country, and sends nothing", async () => {
    const s = await start({ OTP_PHONE_COUNTRIES: "mx,US" });
    const res = await post(s, { subject: "u1", recipient: { phone: "+34600123478" } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ApiError).error).toMatchObject({
      code: "DESTINATION_NOT_ALLOWED",
      field: "recipient.phone",
      details: { country: "ES", callingCode: "34" },
    });
    expect((await post(s, { subject: "u2", recipient: { phone: "+525512345678" } })).status).toBe(
      201,
    );
  });

  it("tells the countries of +1 apart: US is allowed, a Jamaican number is not", async () => {
    const s = await start({ OTP_PHONE_COUNTRIES: "US" });
    // Valid numbers by libphonenumber's metadata (its own examples): New Jersey, and Jamaica.
    expect((await post(s, { subject: "u1", recipient: { phone: "+12015550123" } })).status).toBe(
      201,
    );
    const res = await post(s, { subject: "u2", recipient: { phone: "+18762101234" } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ApiError).error.details).toEqual({
      country: "JM",
      callingCode: "1",
    });
  });

  it("with an e-mail address too, sends the code by e-mail instead", async () => {
    const s = await start({ OTP_PHONE_COUNTRIES: "MX" });
    const res = await post(s, {
      subject: "u1",
      recipient: { phone: "+34600123478", email: "ana@example.com" },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ channel: "email" });
  });

  it("refuses an unknown country code at start, naming the variable", () => {
    const error = configError({ OTP_PHONE_COUNTRIES: "US,XX" });
    expect(error.variable).toBe("OTP_PHONE_COUNTRIES");
    expect(error.message).toBe(
      'Invalid OTP_PHONE_COUNTRIES: "XX" is not a country code with a phone calling code; use ISO 3166-1 alpha-2 codes separated by commas, such as US,MX,ES.',
    );
    expect(loadConfig({ OTP_PHONE_COUNTRIES: "us, mx" }).OTP_PHONE_COUNTRIES).toEqual(["US", "MX"]);
  });
});

describe("the quota per API key (API_KEY_MAX_SENDS_*)", () => {
  it("answers 429 API_KEY_QUOTA_EXCEEDED past the key's hourly quota; other keys go on", async () => {
    const s = await start({ API_KEY_MAX_SENDS_PER_HOUR: "2" });
    for (const n of [1, 2]) {
      const res = await post(s, { subject: `u${n}`, recipient: { email: `u${n}@example.com` } });
      expect(res.status).toBe(201);
    }
    const res = await post(s, { subject: "u3", recipient: { email: "u3@example.com" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3600");
    expect(((await res.json()) as ApiError).error).toEqual({
      code: "API_KEY_QUOTA_EXCEEDED",
      message: "This API key has sent its 2 codes for this hour; try again in 3600 seconds",
      details: { window: "hour", limit: 2, retryAfterSeconds: 3600 },
    });
    expect(await emails(s.rt)).toHaveLength(2);
    expect(await audit(s, "u3")).toEqual([
      expect.objectContaining({
        type: "quota_exceeded",
        destination: "u***@example.com",
        reason: "api_key_quota",
      }),
    ]);
    const other = await s.rt.apiKeys.create("other");
    const theirs = await post(
      s,
      { subject: "u3", recipient: { email: "u3@example.com" } },
      other.token,
    );
    expect(theirs.status).toBe(201);
    // The next hour, the key may send again.
    s.clock.advance(60 * 60_000);
    expect((await post(s, { subject: "u4", recipient: { email: "u4@example.com" } })).status).toBe(
      201,
    );
  });

  it("holds across processes sharing the store, and per day too", async () => {
    const first = await start({ API_KEY_MAX_SENDS_PER_HOUR: "0", API_KEY_MAX_SENDS_PER_DAY: "3" });
    const second = await start({
      DATA_DIR: first.dataDir,
      API_KEY_MAX_SENDS_PER_HOUR: "0",
      API_KEY_MAX_SENDS_PER_DAY: "3",
    });
    const statuses = [];
    for (const [i, s] of [first, second, first, second].entries()) {
      const res = await post(
        s,
        { subject: `u${i}`, recipient: { email: `u${i}@example.com` } },
        first.token,
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("counts only codes that went out: an engine refusal or an idempotent replay is given back", async () => {
    const s = await start({ API_KEY_MAX_SENDS_PER_HOUR: "3" });
    const ana = { subject: "u1", recipient: { email: "ana@example.com" } };
    expect((await post(s, ana)).status).toBe(201);
    // The subject's own cooldown refuses: nothing was sent, nothing stays counted.
    expect((await post(s, ana)).status).toBe(429);
    const once = { subject: "u2", recipient: { email: "bo@example.com" }, idempotencyKey: "k-1" };
    expect((await post(s, once)).status).toBe(201);
    expect((await post(s, once)).status).toBe(200); // the replay sends nothing
    expect((await post(s, { subject: "u3", recipient: { email: "cy@example.com" } })).status).toBe(
      201,
    );
    const last = await post(s, { subject: "u4", recipient: { email: "di@example.com" } });
    expect(last.status).toBe(429);
    expect(((await last.json()) as ApiError).error.code).toBe("API_KEY_QUOTA_EXCEEDED");
    expect(await emails(s.rt)).toHaveLength(3);
  });

  it("refuses a negative quota at start, naming the variable", () => {
    expect(configError({ API_KEY_MAX_SENDS_PER_HOUR: "-1" }).variable).toBe(
      "API_KEY_MAX_SENDS_PER_HOUR",
    );
    expect(loadConfig({})).toMatchObject({
      API_KEY_MAX_SENDS_PER_HOUR: 1000,
      API_KEY_MAX_SENDS_PER_DAY: 10_000,
    });
  });
});

describe("the send policy of the conversations (/api/v1/conversations)", () => {
  it("counts a conversation's code against the API key, and keeps to the allowed countries", async () => {
    const s = await startConversationServer(
      { API_KEY_MAX_SENDS_PER_HOUR: "1", OTP_PHONE_COUNTRIES: "US" },
      { startAt: NOON },
    );
    servers.push(s);
    expect((await call(s, "c1", "start", { identifier: "4721" })).status).toBe(200);
    const second = await call(s, "c2", "start", { identifier: "5100" });
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ error: { code: "API_KEY_QUOTA_EXCEEDED" } });

    const mexicoOnly = await startConversationServer(
      { OTP_PHONE_COUNTRIES: "MX" },
      { startAt: NOON },
    );
    servers.push(mexicoOnly);
    const refused = await call(mexicoOnly, "c1", "start", { identifier: "4721" });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: "DESTINATION_NOT_ALLOWED" } });
  });
});
