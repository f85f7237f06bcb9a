import { describe, expect, it } from "vitest";
import { apiFromVariables } from "./backend-url.js";

describe("apiFromVariables", () => {
  it("builds the API from BACKEND_URL", () => {
    const backend = apiFromVariables({ BACKEND_URL: " https://otp.example.com " });
    expect(backend.ok).toBe(true);
    expect(backend.ok && typeof backend.api.cardStatus).toBe("function");
  });

  it("says the variable is missing, and how to set it", () => {
    for (const variables of [undefined, {}, { BACKEND_URL: "" }, { BACKEND_URL: 42 }]) {
      const backend = apiFromVariables(variables);
      expect(backend).toEqual({
        ok: false,
        message: expect.stringMatching(/^The card has no server address: BACKEND_URL is not set\./),
      });
      expect(!backend.ok && backend.message).toContain("hsprofile.<name>.json");
    }
  });

  it("says the value is not a URL, quoting it", () => {
    const backend = apiFromVariables({ BACKEND_URL: "otp.example.com" });
    expect(backend).toEqual({
      ok: false,
      message: expect.stringContaining(
        'The card\'s server address "otp.example.com" (BACKEND_URL) is not an absolute http(s) URL.',
      ),
    });
  });
});
