import { describe, expect, it } from "vitest";
import type { BackoffPolicy } from "./crm-retry.js";
import { classify, delayFor, failureError, retryAfterMs, TimeoutError } from "./crm-retry.js";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const POLICY: BackoffPolicy = { baseDelayMs: 500, maxDelayMs: 30_000, jitterMs: 1_000 };
const CONTEXT = { operation: "contacts.update", attempts: 4, portalId: 101 };

/** What the api-client throws for a non-2xx answer (each codegen module has such a class). */
function apiException(code: number, body: unknown, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP-Code: ${code}`), { code, body, headers });
}

describe("retryAfterMs", () => {
  it("reads delta-seconds and HTTP dates, and nothing else", () => {
    expect(retryAfterMs("7", NOW)).toBe(7_000);
    expect(retryAfterMs(" 0 ", NOW)).toBe(0);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:30 GMT", NOW)).toBe(30_000);
    expect(retryAfterMs("Wed, 31 Dec 2025 23:00:00 GMT", NOW)).toBe(0);
    expect(retryAfterMs("soon", NOW)).toBeUndefined();
    expect(retryAfterMs("-5", NOW)).toBeUndefined();
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
  });
});

describe("classify", () => {
  it("reads a 429's wait from Retry-After first, else from the interval header", () => {
    const body = { policyName: "TEN_SECONDLY_ROLLING", correlationId: "c-1" };
    expect(
      classify(
        apiException(429, body, {
          "retry-after": "3",
          "x-hubspot-ratelimit-interval-milliseconds": "10000",
        }),
        NOW,
      ),
    ).toEqual({
      kind: "throttled",
      status: 429,
      waitMs: 3_000,
      policy: "TEN_SECONDLY_ROLLING",
      correlationId: "c-1",
    });
    expect(
      classify(
        apiException(429, body, { "X-HubSpot-RateLimit-Interval-Milliseconds": "10000" }),
        NOW,
      ),
    ).toMatchObject({ kind: "throttled", waitMs: 10_000 });
  });

  it("treats 5xx and 477 as unavailable and other 4xx as rejected", () => {
    expect(classify(apiException(503, {}), NOW)).toMatchObject({
      kind: "unavailable",
      status: 503,
    });
    expect(classify(apiException(477, {}, { "Retry-After": "60" }), NOW)).toMatchObject({
      kind: "unavailable",
      waitMs: 60_000,
    });
    for (const status of [400, 401, 403, 404, 409]) {
      expect(classify(apiException(status, { category: "X" }), NOW)).toMatchObject({
        kind: "rejected",
        status,
        category: "X",
      });
    }
  });

  it("treats network failures and timeouts as unavailable, other errors as rejected", () => {
    const refused = Object.assign(new Error("request to http://x/ failed"), {
      name: "FetchError",
      code: "ECONNREFUSED",
    });
    expect(classify(refused, NOW)).toEqual({
      kind: "unavailable",
      status: 0,
      reason: "ECONNREFUSED",
    });
    expect(classify(new TimeoutError("slow"), NOW)).toEqual({
      kind: "unavailable",
      status: 0,
      reason: "timeout",
    });
    expect(classify(new TypeError("x is not a function"), NOW)).toEqual({
      kind: "rejected",
      status: 0,
      reason: "TypeError",
    });
  });

  it("takes the status from the response seen when the api-client threw a plain Error", () => {
    // What the api-client throws for an error answer without a Content-Type.
    const error = new Error("Cannot parse content. No Content-Type defined.");
    expect(classify(error, NOW, { code: 502, headers: {} })).toEqual({
      kind: "unavailable",
      status: 502,
    });
    expect(classify(error, NOW, { code: 200, headers: {} })).toMatchObject({
      kind: "rejected",
      status: 0,
    });
  });
});

describe("delayFor", () => {
  const unavailable = { kind: "unavailable", status: 503 } as const;

  it("backs off exponentially with equal jitter, capped", () => {
    expect(delayFor(unavailable, 1, POLICY, () => 0)).toBe(250);
    expect(delayFor(unavailable, 1, POLICY, () => 1)).toBe(500);
    expect(delayFor(unavailable, 3, POLICY, () => 0)).toBe(1_000);
    expect(delayFor(unavailable, 3, POLICY, () => 1)).toBe(2_000);
    expect(delayFor(unavailable, 20, POLICY, () => 1)).toBe(30_000);
  });

  it("waits a 429's interval plus up to jitterMs, and not for a daily limit", () => {
    const throttled = { kind: "throttled", status: 429, waitMs: 10_000 } as const;
    expect(delayFor(throttled, 1, POLICY, () => 0)).toBe(10_000);
    expect(delayFor(throttled, 1, POLICY, () => 0.5)).toBe(10_500);
    expect(delayFor({ ...throttled, policy: "DAILY" }, 1, POLICY, () => 0)).toBeUndefined();
    expect(delayFor({ kind: "throttled", status: 429 }, 1, POLICY, () => 0)).toBe(1_000);
  });

  it("gives up on a wait longer than maxDelayMs, and on a rejection", () => {
    expect(
      delayFor({ kind: "throttled", status: 429, waitMs: 60_000 }, 1, POLICY, () => 0),
    ).toBeUndefined();
    expect(delayFor({ ...unavailable, waitMs: 86_400_000 }, 1, POLICY, () => 0)).toBeUndefined();
    expect(delayFor({ kind: "rejected", status: 403 }, 1, POLICY, () => 0)).toBeUndefined();
  });
});

describe("failureError", () => {
  it("maps 429 to PROVIDER_THROTTLED (retryable) with the wait", () => {
    const error = failureError(
      { kind: "throttled", status: 429, waitMs: 10_000.4, policy: "TEN_SECONDLY_ROLLING" },
      CONTEXT,
    );
    expect(error).toMatchObject({ code: "PROVIDER_THROTTLED", retryable: true, source: "hubspot" });
    expect(error.details).toEqual({
      ...CONTEXT,
      status: 429,
      retryAfterMs: 10_000,
      policy: "TEN_SECONDLY_ROLLING",
    });
  });

  it("maps 5xx and network failures to a retryable PROVIDER_REJECTED", () => {
    const server = failureError({ kind: "unavailable", status: 502, correlationId: "c" }, CONTEXT);
    expect(server).toMatchObject({ code: "PROVIDER_REJECTED", retryable: true });
    expect(server.message).toBe("HubSpot is unavailable (contacts.update: 502)");
    const network = failureError({ kind: "unavailable", status: 0, reason: "ECONNRESET" }, CONTEXT);
    expect(network.message).toBe("HubSpot could not be reached (contacts.update: ECONNRESET)");
    expect(network.details?.["reason"]).toBe("ECONNRESET");
  });

  it("maps other 4xx to a permanent PROVIDER_REJECTED without a cause", () => {
    const error = failureError(
      { kind: "rejected", status: 403, category: "MISSING_SCOPES" },
      CONTEXT,
    );
    expect(error).toMatchObject({ code: "PROVIDER_REJECTED", retryable: false });
    expect(error.message).toBe("HubSpot refused the request (contacts.update: 403 MISSING_SCOPES)");
    expect(error.cause).toBeUndefined();
  });
});
