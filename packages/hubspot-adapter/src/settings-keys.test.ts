// Keys the settings schema does not know: refused at every level by their own dotted path, and
// dropped from saved records (written by another version) without touching anything else.
import { describe, expect, test } from "vitest";
import { DEFAULT_PORTAL_SETTINGS, dropUnknownSettings, parsePortalSettings } from "./settings.js";

function refused(input: unknown) {
  const result = parsePortalSettings(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result;
}

describe("parsePortalSettings and unknown keys", () => {
  test.each<[Record<string, unknown>, string, RegExp]>([
    [{ ttlMinutes: 5 }, "ttlMinutes", /^Unknown setting "ttlMinutes": the settings are code, /],
    [{ code: { lenght: 8 } }, "code.lenght", /"code" takes type, length and allowWeak\.$/],
    [{ lockout: { minutes: 5 } }, "lockout.minutes", /"lockout" takes maxFailures and/],
    [{ email: { from: "a@b.c" } }, "email.from", /"email" takes enabled, template and/],
    [{ email: { template: { title: "x" } } }, "email.template.title", /"email.template" takes/],
    [{ whatsapp: { phone: "1" } }, "whatsapp.phone", /"whatsapp" takes enabled and templates/],
    [
      { whatsapp: { templates: { verify: "x" } } },
      "whatsapp.templates.verify",
      /"whatsapp.templates" takes code, retry, lockout and unlock\.$/,
    ],
    [{ propertyStorage: { on: true } }, "propertyStorage.on", /takes enabled and property/],
    [
      { email: { translations: { fr: { subject: "Code", html: "<b>" } } } },
      "email.translations.fr.html",
      /^Unknown text "html": a language's texts are subject, greeting, body and footer\.$/,
    ],
  ])("%j is refused at %s", (input, path, message) => {
    const r = refused(input);
    expect(r.unknownKeys).toEqual([path]);
    expect(Object.keys(r.fieldErrors)).toEqual([path]);
    expect(r.fieldErrors[path]).toMatch(message);
  });

  test("two unknown keys of one object are each reported, the message naming both", () => {
    const r = refused({ code: { a: 1, b: 2 } });
    expect(r.unknownKeys).toEqual(["code.a", "code.b"]);
    expect(r.fieldErrors["code.a"]).toMatch(/^Unknown settings "a" and "b": "code" takes/);
    expect(r.fieldErrors["code.b"]).toBe(r.fieldErrors["code.a"]);
  });

  test("other fields' problems are reported alongside; unknownKeys only lists keys", () => {
    const r = refused({ maxAttempts: 0, extra: true });
    expect(r.unknownKeys).toEqual(["extra"]);
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["extra", "maxAttempts"]);
    expect(refused({ maxAttempts: 0 }).unknownKeys).toEqual([]);
  });

  test("keys JSON may carry that look special are unknown keys too", () => {
    const r = refused(JSON.parse('{"__proto__": {"maxAttempts": 1}, "constructor": 1}'));
    expect(r.unknownKeys.sort()).toEqual(["__proto__", "constructor"]);
  });
});

describe("dropUnknownSettings", () => {
  test("drops unknown keys at every level and keeps the rest as it was", () => {
    const input = {
      old: 1,
      maxAttempts: 500,
      code: { length: 8, legacy: true },
      email: { template: { subject: "Hi", title: "x" }, translations: { de: { x: 1 } } },
    };
    const copy = JSON.parse(JSON.stringify(input));
    expect(dropUnknownSettings(input)).toEqual({
      maxAttempts: 500,
      code: { length: 8 },
      email: { template: { subject: "Hi" }, translations: { de: {} } },
    });
    expect(input).toEqual(copy);
  });

  test("gives back the input itself when there is nothing to drop, or no object", () => {
    const valid = { code: { length: 8 } };
    expect(dropUnknownSettings(valid)).toBe(valid);
    const invalid = { maxAttempts: 500 };
    expect(dropUnknownSettings(invalid)).toBe(invalid);
    expect(dropUnknownSettings("x")).toBe("x");
    expect(dropUnknownSettings(null)).toBe(null);
  });

  test("what it gives parses as the settings without the unknown keys", () => {
    const r = parsePortalSettings(dropUnknownSettings({ retired: 1, code: { length: 8, x: 1 } }));
    expect(r.ok && r.settings).toEqual({
      ...DEFAULT_PORTAL_SETTINGS,
      code: { ...DEFAULT_PORTAL_SETTINGS.code, length: 8 },
    });
  });
});
