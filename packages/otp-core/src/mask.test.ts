import { describe, expect, it } from "vitest";
import { maskDestination, maskEmail, maskPhone } from "./mask.js";

describe("masking", () => {
  it("masks as the card and the chat flow show it", () => {
    expect(maskPhone("+34600123478")).toBe("***78");
    expect(maskPhone("+34 600 12 34 78")).toBe("***78");
    expect(maskEmail("jane.doe@example.com")).toBe("j***@example.com");
    expect(maskDestination("+15550100078")).toBe("***78");
    expect(maskDestination("ana@example.org")).toBe("a***@example.org");
  });

  it("reveals nothing of inputs too short to mask", () => {
    expect(maskPhone("12")).toBe("***");
    expect(maskEmail("@example.com")).toBe("***");
    expect(maskEmail("no-at-sign")).toBe("***");
  });
});
