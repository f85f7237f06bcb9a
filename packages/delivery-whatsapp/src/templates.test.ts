import { describe, expect, test } from "vitest";
import {
  DEFAULT_WHATSAPP_TEMPLATES,
  resolveTemplates,
  resolveWhatsAppLanguage,
} from "./templates.js";

describe("resolveWhatsAppLanguage", () => {
  const approved = ["en_US", "es_MX", "es", "pt_BR", "zh_TW"];
  test.each([
    ["es-MX", "es_MX"],
    ["es_MX", "es_MX"],
    ["ES-mx", "es_MX"],
    ["es", "es"],
    ["es-CO", "es"],
    ["en", "en_US"],
    ["en-GB", "en_US"],
    ["pt", "pt_BR"],
    ["pt-PT", "pt_BR"],
    ["zh-Hant-TW", "zh_TW"],
    ["fr-FR", "en_US"],
    ["", "en_US"],
    ["not a locale", "en_US"],
  ])("%s → %s", (locale, expected) => {
    expect(resolveWhatsAppLanguage(locale, approved, "en_US")).toBe(expected);
  });

  test("an exact region wins over the bare language, whatever the order", () => {
    expect(resolveWhatsAppLanguage("es-MX", ["es", "es_MX"], "en_US")).toBe("es_MX");
    expect(resolveWhatsAppLanguage("es-AR", ["es_ES", "es_MX"], "en_US")).toBe("es_ES");
  });
});

describe("resolveTemplates", () => {
  test("defaults: the four seed-003 templates in en_US", () => {
    const t = resolveTemplates(undefined, undefined, undefined);
    expect(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.name]))).toEqual(
      DEFAULT_WHATSAPP_TEMPLATES,
    );
    expect(t.code).toEqual({ name: "tmpl_otp_code", languages: ["en_US"], language: "en_US" });
  });

  test("per-kind overrides: a name, or name and languages of that template only", () => {
    const t = resolveTemplates(
      { code: "acme_login", unlock: { languages: ["en_US", "de"], language: "de" } },
      ["en_US", "es"],
      undefined,
    );
    expect(t.code).toEqual({ name: "acme_login", languages: ["en_US", "es"], language: "en_US" });
    expect(t.unlock).toEqual({
      name: "tmpl_otp_unlocked",
      languages: ["en_US", "de"],
      language: "de",
    });
  });
});
