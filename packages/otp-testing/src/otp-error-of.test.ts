import { OtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { otpErrorOf } from "./index.js";

describe("otpErrorOf", () => {
  it("returns the OtpError of a rejected promise or a throwing function", async () => {
    const error = new OtpError("RECIPIENT_INVALID", "bad", { field: "to" });
    await expect(otpErrorOf(Promise.reject(error))).resolves.toBe(error);
    await expect(
      otpErrorOf(() => {
        throw error;
      }),
    ).resolves.toBe(error);
  });

  it("fails the test when the call succeeds", async () => {
    await expect(otpErrorOf(Promise.resolve("sent"), "the send")).rejects.toThrow(
      "expected the send to fail with an OtpError",
    );
    await expect(otpErrorOf(() => 1)).rejects.toThrow("expected the call to fail");
  });

  it("rethrows anything that is not an OtpError", async () => {
    const plain = new TypeError("not ours");
    await expect(otpErrorOf(Promise.reject(plain))).rejects.toBe(plain);
  });
});
