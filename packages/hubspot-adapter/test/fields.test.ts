// The workflow actions' field names are a contract with the HubSpot project files (the action
// definitions): renaming one breaks every workflow built on it. Locked here.
import { describe, expect, it } from "vitest";
import { isoDuration, parseWindow } from "../src/actions/wait.js";
import {
  DELIVERY_OPTIONS,
  GENERATE_ERRORS,
  GENERATE_INPUTS,
  GENERATE_OUTPUTS,
  GENERATE_STATUSES,
  VERIFY_INPUTS,
  VERIFY_OUTPUTS,
  VERIFY_RESULTS,
  WAIT_INPUTS,
  WAIT_OUTPUTS,
  WAIT_RESULTS,
} from "../src/index.js";

describe("workflow action fields", () => {
  it("keeps the names the action definitions use", () => {
    expect(Object.values(GENERATE_INPUTS)).toEqual([
      "email_property",
      "phone_property",
      "language_property",
      "delivery",
      "override_settings",
      "code_length",
      "expiry_minutes",
      "code_type",
      "approver_email",
    ]);
    expect(Object.values(GENERATE_OUTPUTS)).toEqual([
      "otp_status",
      "otp_expires_at",
      "otp_channel",
      "otp_destination",
      "otp_error",
    ]);
    expect(GENERATE_STATUSES).toEqual(["generated", "failed", "throttled", "locked"]);
    expect(DELIVERY_OPTIONS).toEqual(["auto", "email", "whatsapp", "none"]);
    expect(Object.values(VERIFY_INPUTS)).toEqual(["submitted_code"]);
    expect(Object.values(VERIFY_OUTPUTS)).toEqual([
      "otp_result",
      "otp_attempts_remaining",
      "otp_locked_until",
    ]);
    expect(VERIFY_RESULTS).toEqual([
      "verified",
      "invalid",
      "exhausted",
      "expired",
      "locked",
      "not_found",
      "malformed",
    ]);
    expect(Object.values(WAIT_INPUTS)).toEqual(["expiration_duration"]);
    expect(Object.values(WAIT_OUTPUTS)).toEqual(["otp_result"]);
    expect(WAIT_RESULTS).toEqual(["verified", "expired"]);
  });

  it("uses HubSpot's naming for every field and value (no hs_ prefix: those are HubSpot's)", () => {
    const names = [
      ...Object.values(GENERATE_INPUTS),
      ...Object.values(GENERATE_OUTPUTS),
      ...Object.values(VERIFY_INPUTS),
      ...Object.values(VERIFY_OUTPUTS),
      ...Object.values(WAIT_INPUTS),
      ...GENERATE_ERRORS,
    ];
    for (const name of names) {
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(name.startsWith("hs_")).toBe(false);
    }
  });
});

describe("the wait window", () => {
  it("reads ISO-8601 durations and minutes, within 1 minute and 7 days", () => {
    expect(parseWindow(undefined)).toBe(30 * 60_000);
    expect(parseWindow("PT30M")).toBe(30 * 60_000);
    expect(parseWindow("pt1h30m")).toBe(90 * 60_000);
    expect(parseWindow("P1W")).toBe(7 * 24 * 3_600_000);
    expect(parseWindow("PT90S")).toBe(90_000);
    expect(parseWindow("45")).toBe(45 * 60_000);
    for (const bad of ["PT59S", "P8D", "P1M", "PT", "30m", "1.5", ""]) {
      expect(() => parseWindow(bad), bad).toThrow(/expiration_duration/);
    }
  });

  it("writes durations Java's Duration.parse reads", () => {
    expect(isoDuration(45 * 60_000)).toBe("PT45M");
    expect(isoDuration(2 * 3_600_000 + 15 * 60_000)).toBe("PT2H15M");
    expect(isoDuration(7 * 24 * 3_600_000 + 15 * 60_000)).toBe("P7DT15M");
    expect(isoDuration(24 * 3_600_000)).toBe("P1D");
    expect(isoDuration(90_000)).toBe("PT2M");
  });
});
