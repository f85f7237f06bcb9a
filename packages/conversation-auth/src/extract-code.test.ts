import { createCodePolicy } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { extractCode } from "./extract-code.js";

const digits = createCodePolicy({ alphabet: "numeric", length: 6 });

describe("extractCode", () => {
  it.each([
    ["483921", "483921"],
    ["The code is 483921.", "483921"],
    ["my code is 48 39 21", "483921"],
    ["483-921", "483921"],
    ["code: 483.921 thanks", "483921"],
    ["My number is 4721 and the code is 483921", "483921"],
    ["483921 483921", "483921"],
  ])("finds the code in %j", (text, code) => {
    expect(extractCode(text, digits)).toBe(code);
  });

  it.each([
    ["hello"],
    [""],
    ["4721"],
    ["12345678"],
    ["483921 or 111111?"],
    ["abc483921"],
    ["9".repeat(2_000)],
  ])("finds no code in %j", (text) => {
    expect(extractCode(text, digits)).toBeNull();
  });
});
