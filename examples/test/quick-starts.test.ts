import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.restoreAllMocks());

describe("README quick starts run as written", () => {
  it("otp-core: issue and verify", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await import("../src/otp-core-quick-start.js");
    expect(log).toHaveBeenCalledWith("verified");
  });
});
