import { describe, expect, it } from "vitest";
import { createCodePolicy } from "./policy.js";

describe("createCodePolicy", () => {
  it("knows the entropy of every seed shape", () => {
    expect(createCodePolicy({ alphabet: "numeric", length: 6 }).bits).toBeCloseTo(19.93, 2);
    expect(createCodePolicy({ alphabet: "numeric", length: 8 }).bits).toBeCloseTo(26.58, 2);
    expect(createCodePolicy({ alphabet: "alphanumeric", length: 4 }).bits).toBe(20);
    expect(createCodePolicy({ alphabet: "alphanumeric", length: 6 }).bits).toBe(30);
    expect(createCodePolicy({ alphabet: "alpha", length: 6 }).bits).toBeCloseTo(27.51, 2);
    expect(createCodePolicy().inputMode).toBe("numeric");
    expect(createCodePolicy({ alphabet: "alpha" }).inputMode).toBe("text");
  });

  it("refuses codes under 20 bits unless explicitly allowed", () => {
    expect(() => createCodePolicy({ alphabet: "numeric", length: 4 })).toThrow(
      /"length" expected a code of at least 20 bits, got "4 numeric symbols \(13\.3 bits\)" \(use 6\+ digits/,
    );
    expect(() => createCodePolicy({ alphabet: "alpha", length: 4 })).toThrow(/18\.3 bits/);
    expect(createCodePolicy({ alphabet: "numeric", length: 4, allowWeak: true }).bits).toBeCloseTo(
      13.29,
      2,
    );
  });

  it("names the field for bad shapes", () => {
    expect(() => createCodePolicy({ length: 12 })).toThrow(
      '"length" expected integer 4..10, got 12',
    );
    expect(() => createCodePolicy({ length: 6.5 })).toThrow(
      '"length" expected integer 4..10, got 6.5',
    );
    expect(() => createCodePolicy({ alphabet: "hex" as "alpha" })).toThrow(
      '"alphabet" expected one of numeric, alphanumeric, alpha, got "hex"',
    );
  });
});
