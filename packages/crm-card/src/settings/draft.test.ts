import { DEFAULT_PORTAL_SETTINGS } from "@otpkit/hubspot-adapter";
import { describe, expect, it } from "vitest";
import {
  draftOf,
  flagAt,
  numberAt,
  previewInput,
  sameSettings,
  textAt,
  valueAt,
  withValue,
} from "./draft.js";

const defaults = () => draftOf(DEFAULT_PORTAL_SETTINGS);

describe("the settings draft", () => {
  it("copies what the server sent, so edits never change the answer", () => {
    const sent = { code: { length: 6 } };
    const draft = draftOf(sent);
    const edited = withValue(draft, "code.length", 8);
    expect(sent.code.length).toBe(6);
    expect(valueAt(draft, "code.length")).toBe(6);
    expect(valueAt(edited, "code.length")).toBe(8);
    expect(draftOf("not settings")).toEqual({});
    expect(draftOf(null)).toEqual({});
  });

  it("reads by dotted path, and undefined where the path leads nowhere", () => {
    const draft = defaults();
    expect(valueAt(draft, "email.template.subject")).toBe("Your Verification Code");
    expect(valueAt(draft, "email.template.nothing")).toBeUndefined();
    expect(valueAt(draft, "maxAttempts.deeper")).toBeUndefined();
  });

  it("sets by dotted path without touching the other branches", () => {
    const draft = defaults();
    const next = withValue(draft, "lockout.durationMinutes", 30);
    expect(valueAt(next, "lockout.durationMinutes")).toBe(30);
    expect(valueAt(next, "lockout.maxFailures")).toBe(valueAt(draft, "lockout.maxFailures"));
    expect(next["email"]).toBe(draft["email"]); // untouched branches are shared, not copied
    expect(valueAt(draft, "lockout.durationMinutes")).toBe(15);
  });

  it("creates missing objects, replaces a non-object on the way, and removes on undefined", () => {
    expect(withValue({}, "whatsapp.templates.code", "otp_code")).toEqual({
      whatsapp: { templates: { code: "otp_code" } },
    });
    expect(withValue({ email: "broken" }, "email.enabled", true)).toEqual({
      email: { enabled: true },
    });
    const named = withValue({}, "whatsapp.templates.retry", "otp_retry");
    expect(withValue(named, "whatsapp.templates.retry", undefined)).toEqual({
      whatsapp: { templates: {} },
    });
  });

  it("compares settings by value, whatever the key order", () => {
    const a = defaults();
    const b = draftOf(JSON.parse(JSON.stringify(DEFAULT_PORTAL_SETTINGS)));
    expect(sameSettings(a, b)).toBe(true);
    expect(sameSettings({ x: 1, y: { z: [1, 2] } }, { y: { z: [1, 2] }, x: 1 })).toBe(true);
    expect(sameSettings({ x: [1, 2] }, { x: [2, 1] })).toBe(false);
    expect(sameSettings(a, withValue(a, "code.length", 8))).toBe(false);
    expect(sameSettings(a, withValue(a, "code.length", 6))).toBe(true);
    // A key set to undefined is the same as no key (JSON drops it).
    expect(sameSettings({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameSettings({ a: 1 }, { a: "1" })).toBe(false);
  });

  it("sends the preview only what it depends on", () => {
    const input = previewInput(defaults());
    expect(Object.keys(input).sort()).toEqual([
      "allowLongExpiry",
      "code",
      "email",
      "expiryMinutes",
    ]);
    expect(input["email"]).toEqual({ template: DEFAULT_PORTAL_SETTINGS.email.template });
    expect(previewInput({ maxAttempts: 3 })).toEqual({});
  });

  it("reads values as the inputs show them", () => {
    const draft = { a: "text", n: 3, s: "12", bad: "twelve", on: true, off: "true", obj: {} };
    expect(textAt(draft, "a")).toBe("text");
    expect(textAt(draft, "n")).toBe("3");
    expect(textAt(draft, "obj")).toBe("");
    expect(textAt(draft, "missing")).toBe("");
    expect(numberAt(draft, "n")).toBe(3);
    expect(numberAt(draft, "s")).toBe(12);
    expect(numberAt(draft, "bad")).toBeUndefined();
    expect(flagAt(draft, "on")).toBe(true);
    expect(flagAt(draft, "off")).toBe(false);
  });
});
