import { readFileSync } from "node:fs";
import { OTP_ERROR_CODES, OtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { publicMessage, STATUS_BY_CODE } from "../src/http-errors.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the HTTP error table", () => {
  it("is locked: every OtpError code and its status (changing one is a deliberate API change)", () => {
    expect(STATUS_BY_CODE).toEqual({
      CONFIG_INVALID: 500,
      INVALID_ARGUMENT: 400,
      STORE_UNAVAILABLE: 503,
      STORE_DATA_INVALID: 500,
      STORE_FULL: 503,
      STORE_CONTENTION: 503,
      NO_CHANNEL: 422,
      DELIVERY_FAILED: 502,
      RECIPIENT_INVALID: 422,
      PROVIDER_REJECTED: 502,
      PROVIDER_THROTTLED: 503,
      ABORTED: 504,
      IDEMPOTENCY_CONFLICT: 409,
      SECRET_UNKNOWN: 500,
      CRYPTO_FAILED: 500,
    });
    expect(Object.keys(STATUS_BY_CODE).sort()).toEqual(Object.keys(OTP_ERROR_CODES).sort());
  });

  it("is the README's: each code is listed under its status", () => {
    const section = readme.slice(readme.indexOf("### Errors"), readme.indexOf("## Hosted"));
    const rows = [...section.matchAll(/^\| ([\d /]+) \| (.+?) \|/gm)].map((m) => ({
      statuses: m[1]!.split("/").map((s) => Number(s.trim())),
      codes: [...m[2]!.matchAll(/`([A-Z_]+)`/g)].map((c) => c[1]!),
    }));
    for (const [code, status] of Object.entries(STATUS_BY_CODE)) {
      const row = rows.find((r) => r.codes.includes(code));
      expect(row, code).toBeDefined();
      expect(row!.statuses, code).toContain(status);
    }
  });

  it("says which idempotency conflict it is, and hides 5xx internals", () => {
    const used = new OtpError("IDEMPOTENCY_CONFLICT", "engine words", { retryable: false });
    expect(publicMessage(used)).toBe(
      "This idempotency key was already used for a different request; use a new key for a new request",
    );
    const busy = new OtpError("IDEMPOTENCY_CONFLICT", "engine words", { retryable: true });
    expect(publicMessage(busy)).toBe(
      "A request with this idempotency key is still in progress; retry shortly",
    );
    const full = new OtpError("STORE_FULL", "[memory] holds 100000 live keys");
    expect(publicMessage(full)).toBe("The service could not complete the request");
    const bad = new OtpError("INVALID_ARGUMENT", '"subject" expected 1..256 characters');
    expect(publicMessage(bad)).toBe('"subject" expected 1..256 characters');
  });
});
