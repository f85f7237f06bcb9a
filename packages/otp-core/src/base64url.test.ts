import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url.js";

// The reference: the platform's own base64, turned into base64url (what otp-core used before).
function reference(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

describe("base64url", () => {
  it("encodes every length and every byte value as the platform's base64 does, and back", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64Url(all)).toBe(reference(all));
    expect(fromBase64Url(toBase64Url(all))).toEqual(all);
    for (let length = 0; length <= 64; length++) {
      for (let round = 0; round < 20; round++) {
        const bytes = crypto.getRandomValues(new Uint8Array(length));
        const text = toBase64Url(bytes);
        expect(text).toBe(reference(bytes));
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }
    }
  });

  it("encodes a view into a larger buffer by its own bytes only", () => {
    const buffer = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    expect(toBase64Url(buffer.subarray(3, 19))).toBe(reference(buffer.slice(3, 19)));
  });

  it("decodes anything else exactly as atob does: padded text decodes, garbage throws", () => {
    expect(fromBase64Url("AQID")).toEqual(new Uint8Array([1, 2, 3]));
    expect(fromBase64Url("AQ==")).toEqual(new Uint8Array([1]));
    for (const bad of ["A", "AB!C", "ABCDE", "é", "AB CD*"]) {
      expect(() => fromBase64Url(bad), bad).toThrow();
    }
  });
});
