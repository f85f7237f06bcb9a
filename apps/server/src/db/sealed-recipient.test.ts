import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openRecipient, sealRecipient } from "./sealed-recipient.js";

describe("sealRecipient / openRecipient", () => {
  const key = randomBytes(32);
  const target = {
    recipient: { email: "ana@example.com", name: "Ana", locale: "es-MX" },
    channels: ["email"],
  };

  it("opens what it sealed for the same id, and shows nothing of the recipient", () => {
    const sealed = sealRecipient(key, "id-1", target);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("ana");
    expect(openRecipient(key, "id-1", sealed)).toEqual(target);
    expect(
      openRecipient(key, "id-1", sealRecipient(key, "id-1", { ...target, channels: null })),
    ).toEqual({ ...target, channels: null });
    // A fresh IV each time: two seals of the same recipient differ.
    expect(sealRecipient(key, "id-1", target)).not.toBe(sealed);
  });

  it("does not open on another row, under another key, or when damaged (null, never a throw)", () => {
    const sealed = sealRecipient(key, "id-1", target);
    const [v, iv, body] = sealed.split(".") as [string, string, string];
    const flipped = `${body.slice(0, -2)}${body.at(-2) === "A" ? "B" : "A"}${body.at(-1)}`;
    for (const [what, value, id, k] of [
      ["another id", sealed, "id-2", key],
      ["another key", sealed, "id-1", randomBytes(32)],
      ["a changed byte", `${v}.${iv}.${flipped}`, "id-1", key],
      ["another version", `v2.${iv}.${body}`, "id-1", key],
      ["truncated", `${v}.${iv}.${body.slice(0, 8)}`, "id-1", key],
      ["no body", `${v}.${iv}`, "id-1", key],
      ["garbage", "ana@example.com", "id-1", key],
    ] as const) {
      expect(openRecipient(k, id, value), what).toBeNull();
    }
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => sealRecipient(randomBytes(16), "id-1", target)).toThrow(RangeError);
  });
});
