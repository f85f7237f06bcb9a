import { createMemoryStore, createOtp, OTP_DEFAULTS, OTP_LIMITS } from "@otpkit/otp-core";
import { describe, expect, test } from "vitest";
import type { PortalSettings } from "./settings.js";
import {
  CODE_LENGTHS,
  CODE_TYPES,
  DEFAULT_EMAIL_TEMPLATE,
  DEFAULT_PORTAL_SETTINGS,
  dropUnknownSettings,
  EXPIRY_MINUTES,
  otpOptionsFor,
  parsePortalSettings,
} from "./settings.js";

const MINUTE = 60_000;

function ok(input: unknown): PortalSettings {
  const result = parsePortalSettings(input);
  if (!result.ok) throw new Error(`expected valid settings, got ${JSON.stringify(result)}`);
  return result.settings;
}

function errors(input: unknown): Record<string, string> {
  const result = parsePortalSettings(input);
  if (result.ok) throw new Error(`expected field errors for ${JSON.stringify(input)}`);
  return result.fieldErrors;
}

/** Whether otp-core itself accepts the options the settings produce. */
function engineAccepts(settings: PortalSettings): boolean {
  try {
    createOtp({
      ...otpOptionsFor(settings),
      store: createMemoryStore(),
      secrets: [{ id: "k1", key: "k".repeat(32) }],
      namingKey: "n".repeat(32),
    });
    return true;
  } catch {
    return false;
  }
}

describe("defaults", () => {
  test("come from otp-core's OTP_DEFAULTS and OpsAgent's e-mail texts", () => {
    expect(DEFAULT_PORTAL_SETTINGS).toEqual({
      code: {
        type: OTP_DEFAULTS.code.alphabet,
        length: OTP_DEFAULTS.code.length,
        allowWeak: false,
      },
      expiryMinutes: OTP_DEFAULTS.ttlMs / MINUTE,
      allowLongExpiry: false,
      maxAttempts: OTP_DEFAULTS.maxAttempts,
      lockout: {
        maxFailures: OTP_DEFAULTS.lockout.maxFailures,
        durationMinutes: OTP_DEFAULTS.lockout.durationMs / MINUTE,
      },
      defaultCountry: "US",
      email: {
        enabled: false,
        template: {
          subject: "Your Verification Code",
          greeting: "Hello,",
          body: "Your one-time verification code is:",
          footer:
            "This code will expire in {expiry_minutes} minutes. If you didn't request this code, please ignore this email.",
        },
        translations: {},
      },
      whatsapp: { enabled: false, templates: {} },
      propertyStorage: { enabled: false, property: "otpkit_code" },
      storage: OTP_DEFAULTS.storage,
    });
  });

  test("undefined and {} give the defaults; the defaults are deep-frozen", () => {
    expect(ok(undefined)).toEqual(DEFAULT_PORTAL_SETTINGS);
    expect(ok({})).toEqual(DEFAULT_PORTAL_SETTINGS);
    expect(Object.isFrozen(DEFAULT_PORTAL_SETTINGS.email.template)).toBe(true);
    expect(Object.isFrozen(DEFAULT_EMAIL_TEMPLATE)).toBe(true);
  });

  test("a partial input keeps the other defaults, nested ones included", () => {
    const s = ok({
      code: { type: "alpha" },
      email: { enabled: true, template: { subject: "Hi" } },
    });
    expect(s.code).toEqual({ type: "alpha", length: 6, allowWeak: false });
    expect(s.email.template).toEqual({ ...DEFAULT_EMAIL_TEMPLATE, subject: "Hi" });
    expect(s.maxAttempts).toBe(OTP_DEFAULTS.maxAttempts);
  });

  test("the offered choices lie within otp-core's limits", () => {
    expect(CODE_TYPES).toEqual(["numeric", "alphanumeric", "alpha"]);
    for (const length of CODE_LENGTHS) {
      expect(length).toBeGreaterThanOrEqual(OTP_LIMITS.codeLength[0]);
      expect(length).toBeLessThanOrEqual(OTP_LIMITS.codeLength[1]);
    }
    for (const minutes of EXPIRY_MINUTES) {
      expect(minutes * MINUTE).toBeGreaterThanOrEqual(OTP_LIMITS.ttlMs[0]);
      expect(minutes * MINUTE).toBeLessThanOrEqual(OTP_LIMITS.ttlMs[1]);
    }
  });
});

describe("the engine's rules, asked of otp-core rather than restated", () => {
  test("every offered combination is accepted exactly when createOtp accepts it", () => {
    let accepted = 0;
    for (const type of CODE_TYPES) {
      for (const length of CODE_LENGTHS) {
        for (const expiryMinutes of EXPIRY_MINUTES) {
          for (const allowWeak of [false, true]) {
            for (const allowLongExpiry of [false, true]) {
              const input = { code: { type, length, allowWeak }, expiryMinutes, allowLongExpiry };
              const settings = { ...DEFAULT_PORTAL_SETTINGS, ...input } as PortalSettings;
              const result = parsePortalSettings(input);
              expect([input, result.ok]).toEqual([input, engineAccepts(settings)]);
              if (result.ok) accepted++;
            }
          }
        }
      }
    }
    // Both outcomes occur: the comparison is not vacuous.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(
      CODE_TYPES.length * CODE_LENGTHS.length * EXPIRY_MINUTES.length * 4,
    );
  });

  test("over 10 minutes needs allowLongExpiry, with a message that says why and how", () => {
    const e = errors({ expiryMinutes: 15 });
    expect(Object.keys(e)).toEqual(["expiryMinutes"]);
    expect(e["expiryMinutes"]).toMatch(/10 minutes.*NIST.*Allow longer expiry/);
    expect(ok({ expiryMinutes: 60, allowLongExpiry: true }).expiryMinutes).toBe(60);
    expect(ok({ expiryMinutes: 5 }).expiryMinutes).toBe(5);
  });

  test("a code under 20 bits needs allowWeak", () => {
    expect(errors({ code: { length: 4 } })["code.length"]).toMatch(
      /4-character numeric code is too easy to guess.*Allow weak codes/,
    );
    expect(errors({ code: { type: "alpha", length: 4 } })["code.length"]).toMatch(/alpha/);
    expect(ok({ code: { type: "alphanumeric", length: 4 } }).code.length).toBe(4);
    expect(ok({ code: { length: 4, allowWeak: true } }).code.length).toBe(4);
  });
});

describe("field errors an admin can act on", () => {
  test.each<[unknown, string, RegExp]>([
    [null, "", /as an object/],
    [[], "", /as an object/],
    [{ code: null }, "code", /type and length/],
    [{ code: { type: "hex" } }, "code.type", /numeric, alphanumeric or alpha/],
    [{ code: { length: 5 } }, "code.length", /4, 6 or 8/],
    [{ code: { allowWeak: "yes" } }, "code.allowWeak", /on or off/],
    [{ expiryMinutes: 7 }, "expiryMinutes", /5, 10, 15, 30 or 60/],
    [{ allowLongExpiry: 1 }, "allowLongExpiry", /on or off/],
    [{ maxAttempts: 0 }, "maxAttempts", /whole number from 1 to 20/],
    [{ maxAttempts: 2.5 }, "maxAttempts", /whole number/],
    [{ lockout: { maxFailures: 101 } }, "lockout.maxFailures", /1 to 100/],
    [{ lockout: { durationMinutes: 0 } }, "lockout.durationMinutes", /1 to 43200 minutes/],
    [{ defaultCountry: "XX" }, "defaultCountry", /two-letter country code/],
    [{ defaultCountry: "USA" }, "defaultCountry", /two-letter country code/],
    [{ defaultCountry: 1 }, "defaultCountry", /two-letter country code/],
    [{ email: { enabled: "on" } }, "email.enabled", /on or off/],
    [{ email: { template: { subject: "" } } }, "email.template.subject", /Enter the subject/],
    [{ email: { template: { subject: "a\r\nBcc: x" } } }, "email.template.subject", /one line/],
    [{ email: { template: { subject: "x".repeat(201) } } }, "email.template.subject", /200/],
    [{ email: { template: { greeting: "Hi\nthere" } } }, "email.template.greeting", /one line/],
    [{ email: { template: { body: "  " } } }, "email.template.body", /text above the code/],
    [{ email: { template: { body: "a\u0000b" } } }, "email.template.body", /control characters/],
    [
      { email: { template: { footer: "Expires in {expiry} min {{code}}" } } },
      "email.template.footer",
      /Only \{expiry_minutes\} is filled in; remove or fix \{expiry\}, \{code\}/,
    ],
    [
      { email: { translations: { de: { subject: "" } } } },
      "email.translations.de.subject",
      /Enter the subject/,
    ],
    [
      { email: { translations: { de: { body: "Ihr Code {code}:" } } } },
      "email.translations.de.body",
      /Only \{expiry_minutes\} is filled in/,
    ],
    [
      { email: { translations: { fr: { greeting: "Bonjour\nà vous" } } } },
      "email.translations.fr.greeting",
      /one line/,
    ],
    [{ email: { translations: { fr: "Bonjour" } } }, "email.translations.fr", /subject, greeting/],
    [
      { email: { translations: { de: { subject: "Ihr Code", retry: { subject: "x" } } } } },
      "email.translations.de.retry",
      /Unknown text "retry": a language's texts are subject, greeting, body and footer/,
    ],
    [
      { email: { translations: { "not a tag": {} } } },
      "email.translations.not a tag",
      /language code/,
    ],
    [
      { email: { translations: { en: { subject: "Hi" } } } },
      "email.translations.en",
      /email.template/,
    ],
    [
      { email: { translations: { "pt-BR": {}, "pt-br": {} } } },
      "email.translations.pt-br",
      /given twice/,
    ],
    [{ email: { translations: [] } }, "email.translations", /per language/],
    [{ whatsapp: { enabled: 1 } }, "whatsapp.enabled", /on or off/],
    [{ whatsapp: { templates: { code: "OTP Code" } } }, "whatsapp.templates.code", /WhatsApp/],
    [{ whatsapp: { templates: { unlock: "" } } }, "whatsapp.templates.unlock", /WhatsApp/],
    [{ propertyStorage: { property: "hs_lead_status" } }, "propertyStorage.property", /hs_/],
    [
      { propertyStorage: { property: "otpkit_verification_status" } },
      "propertyStorage.property",
      /records the verification/,
    ],
    [{ propertyStorage: { property: "Code" } }, "propertyStorage.property", /internal name/],
    [{ storage: "plain" }, "storage", /hash or encrypted/],
  ])("%j → %s", (input, path, message) => {
    const e = errors(input);
    expect(Object.keys(e)).toEqual([path]);
    expect(e[path]).toMatch(message);
  });

  test("every field's first problem is reported, all at once", () => {
    const e = errors({
      code: { type: "hex" },
      maxAttempts: 99,
      email: { template: { subject: "" } },
      storage: "x",
    });
    expect(Object.keys(e).sort()).toEqual([
      "code.type",
      "email.template.subject",
      "maxAttempts",
      "storage",
    ]);
  });
});

describe("what is accepted", () => {
  test("numbers as digit strings (a select may send them so), countries in any case", () => {
    const s = ok({
      code: { length: "8" },
      expiryMinutes: "5",
      maxAttempts: " 4 ",
      lockout: { maxFailures: "10", durationMinutes: "60" },
      defaultCountry: " de ",
    });
    expect(s).toMatchObject({
      code: { length: 8 },
      expiryMinutes: 5,
      maxAttempts: 4,
      lockout: { maxFailures: 10, durationMinutes: 60 },
      defaultCountry: "DE",
    });
    expect(errors({ maxAttempts: "" })).toHaveProperty("maxAttempts");
    expect(errors({ maxAttempts: "3x" })).toHaveProperty("maxAttempts");
  });

  test("e-mail texts with the placeholder, empty greeting and footer, multi-line body", () => {
    const template = {
      subject: "Your code (valid {expiry_minutes} min)",
      greeting: "",
      body: "Hello,\r\n\tyour code is:",
      footer: "",
    };
    expect(ok({ email: { enabled: true, template } }).email.template).toEqual(template);
  });

  test("e-mail texts per language: any subset of the four, for any language tag", () => {
    const translations = {
      de: { subject: "Ihr Acme-Code ({expiry_minutes} Min.)" },
      "pt-BR": { greeting: "", body: "Seu código:", footer: "Acme Brasil" },
      kl: { subject: "Kode", body: "Kodeqarfik:" },
    };
    expect(ok({ email: { translations } }).email.translations).toEqual(translations);
  });

  test("WhatsApp template names, an admin's own code property, encrypted storage", () => {
    const s = ok({
      whatsapp: { enabled: true, templates: { code: "acme_login_code", lockout: "acme_paused" } },
      propertyStorage: { enabled: true, property: "otp_code" },
      storage: "encrypted",
    });
    expect(s.whatsapp.templates).toEqual({ code: "acme_login_code", lockout: "acme_paused" });
    expect(s.propertyStorage).toEqual({ enabled: true, property: "otp_code" });
    expect(s.storage).toBe("encrypted");
  });

  test("unknown fields are refused; a saved record drops them (another version wrote it)", () => {
    const legacy = { legacyField: 1, code: { legacy: true } };
    expect(Object.keys(errors(legacy)).sort()).toEqual(["code.legacy", "legacyField"]);
    expect(ok(dropUnknownSettings(legacy))).toEqual(DEFAULT_PORTAL_SETTINGS);
  });
});

describe("otpOptionsFor", () => {
  test("maps the settings onto otp-core's option names and units", () => {
    const s = ok({
      code: { type: "alphanumeric", length: 8 },
      expiryMinutes: 30,
      allowLongExpiry: true,
      maxAttempts: 5,
      lockout: { maxFailures: 10, durationMinutes: 60 },
      storage: "encrypted",
    });
    expect(otpOptionsFor(s)).toEqual({
      code: { alphabet: "alphanumeric", length: 8, allowWeak: false },
      ttlMs: 30 * MINUTE,
      allowLongTtl: true,
      maxAttempts: 5,
      lockout: { maxFailures: 10, durationMs: 60 * MINUTE },
      storage: "encrypted",
    });
    expect(engineAccepts(s)).toBe(true);
  });

  test("the defaults map to otp-core's defaults", () => {
    const o = otpOptionsFor(DEFAULT_PORTAL_SETTINGS);
    expect(o.ttlMs).toBe(OTP_DEFAULTS.ttlMs);
    expect(o.maxAttempts).toBe(OTP_DEFAULTS.maxAttempts);
    expect(o.lockout).toEqual({
      maxFailures: OTP_DEFAULTS.lockout.maxFailures,
      durationMs: OTP_DEFAULTS.lockout.durationMs,
    });
    expect(o.code).toEqual({ ...OTP_DEFAULTS.code, allowWeak: false });
    expect(engineAccepts(DEFAULT_PORTAL_SETTINGS as PortalSettings)).toBe(true);
  });

  test("returns a fresh object the caller may change", () => {
    const o = otpOptionsFor(DEFAULT_PORTAL_SETTINGS);
    o.lockout.maxFailures = 1;
    expect(DEFAULT_PORTAL_SETTINGS.lockout.maxFailures).toBe(OTP_DEFAULTS.lockout.maxFailures);
  });
});
