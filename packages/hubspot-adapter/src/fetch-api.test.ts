import { OtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { FETCH_API_ERRORS, otpErrorResponse } from "./fetch-api.js";

describe("FETCH_API_ERRORS", () => {
  it("is the one table of the card and settings APIs' error codes and statuses", () => {
    // Codes are public API (the card and the settings page branch on them): change deliberately.
    expect(FETCH_API_ERRORS).toEqual({
      BAD_REQUEST: 400,
      BODY_NOT_UTF8: 400,
      IDENTITY_AMBIGUOUS: 400,
      SIGNATURE_INVALID: 401,
      IDENTITY_MISSING: 403,
      CONTACT_NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      EMAIL_DISABLED: 409,
      EMAIL_ENABLED: 409,
      RECIPIENT_CHANGED: 409,
      REQUEST_ID_REUSED: 409,
      REQUEST_IN_PROGRESS: 409,
      PAYLOAD_TOO_LARGE: 413,
      CONTACT_NO_EMAIL: 422,
      CONTACT_EMAIL_INVALID: 422,
      SETTINGS_INVALID: 422,
      SETTINGS_UNREADABLE: 500,
      DELIVERY_FAILED: 502,
      HUBSPOT_REJECTED: 502,
      EMAIL_UNAVAILABLE: 503,
      HUBSPOT_UNAVAILABLE: 503,
      STORE_UNAVAILABLE: 503,
    });
  });

  it("maps operational OtpErrors to the table, with Retry-After where a retry helps", async () => {
    const cases: [OtpError, number, string, string | null][] = [
      [new OtpError("STORE_UNAVAILABLE"), 503, "STORE_UNAVAILABLE", "2"],
      [new OtpError("STORE_CONTENTION"), 503, "STORE_UNAVAILABLE", "2"],
      [
        new OtpError("PROVIDER_THROTTLED", undefined, { source: "hubspot" }),
        503,
        "HUBSPOT_UNAVAILABLE",
        "10",
      ],
      [
        new OtpError("PROVIDER_REJECTED", undefined, { source: "hubspot", retryable: false }),
        502,
        "HUBSPOT_REJECTED",
        null,
      ],
      [
        new OtpError("PROVIDER_REJECTED", undefined, { source: "hubspot", retryable: true }),
        503,
        "HUBSPOT_UNAVAILABLE",
        "5",
      ],
      [
        new OtpError("STORE_DATA_INVALID", undefined, { source: "hubspot" }),
        500,
        "SETTINGS_UNREADABLE",
        null,
      ],
      [new OtpError("NO_CHANNEL"), 503, "EMAIL_UNAVAILABLE", null],
      [new OtpError("DELIVERY_FAILED"), 502, "DELIVERY_FAILED", null],
      [new OtpError("RECIPIENT_INVALID"), 422, "CONTACT_EMAIL_INVALID", null],
      [
        new OtpError("IDEMPOTENCY_CONFLICT", undefined, { retryable: true }),
        409,
        "REQUEST_IN_PROGRESS",
        "1",
      ],
      [
        new OtpError("IDEMPOTENCY_CONFLICT", undefined, { retryable: false }),
        409,
        "REQUEST_ID_REUSED",
        null,
      ],
    ];
    for (const [error, status, code, retryAfter] of cases) {
      const response = otpErrorResponse(error);
      if (response === undefined) throw new Error(`${error.code} was not mapped`);
      expect(response.status, error.code).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
      expect(response.headers.get("retry-after")).toBe(retryAfter);
    }
  });

  it("leaves everything else to the caller (a bug is thrown on, for the server's log)", () => {
    expect(otpErrorResponse(new TypeError("bug"))).toBeUndefined();
    expect(otpErrorResponse(new OtpError("CONFIG_INVALID"))).toBeUndefined();
    expect(otpErrorResponse(new OtpError("INVALID_ARGUMENT"))).toBeUndefined();
  });
});
