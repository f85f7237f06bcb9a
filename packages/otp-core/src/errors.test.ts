import { describe, expect, it } from "vitest";
import { isOtpError, OTP_ERROR_CODES, OtpError } from "./errors.js";

describe("OtpError", () => {
  it("keeps its list of codes: codes are public API, removing one is a breaking change", () => {
    expect(Object.keys(OTP_ERROR_CODES)).toEqual([
      "CONFIG_INVALID",
      "INVALID_ARGUMENT",
      "STORE_UNAVAILABLE",
      "STORE_DATA_INVALID",
      "STORE_FULL",
      "STORE_CONTENTION",
      "NO_CHANNEL",
      "DESTINATION_NOT_ALLOWED",
      "DELIVERY_FAILED",
      "RECIPIENT_INVALID",
      "PROVIDER_REJECTED",
      "PROVIDER_THROTTLED",
      "ABORTED",
      "IDEMPOTENCY_CONFLICT",
      "SECRET_UNKNOWN",
      "CRYPTO_FAILED",
    ]);
    for (const code of Object.keys(OTP_ERROR_CODES)) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });

  it("carries code, cause, retryable and field", () => {
    const cause = new Error("ECONNREFUSED");
    const error = new OtpError("STORE_UNAVAILABLE", undefined, { cause, source: "redis" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("OtpError");
    expect(error.message).toBe("The OTP store is unavailable");
    expect(error.cause).toBe(cause);
    expect(error.retryable).toBe(true);
    expect(error.source).toBe("redis");
    expect(new OtpError("DELIVERY_FAILED").retryable).toBe(false);
    expect(new OtpError("DELIVERY_FAILED", "x", { retryable: true }).retryable).toBe(true);
  });

  it("is recognised across copies of the library by name and code", () => {
    const foreign = Object.assign(new Error("x"), { name: "OtpError", code: "ABORTED" });
    expect(isOtpError(foreign)).toBe(true);
    expect(isOtpError(Object.assign(new Error("x"), { name: "OtpError", code: "NOPE" }))).toBe(
      false,
    );
    expect(isOtpError(new Error("x"))).toBe(false);
    expect(isOtpError(null)).toBe(false);
  });
});
