import type { OtpMessage } from "@otpkit/otp-core";
import { OTP_LANGUAGES } from "@otpkit/otp-core";
import { describe, expect, test } from "vitest";
import {
  WHATSAPP_LANGUAGE_CODES,
  WHATSAPP_TEMPLATE_LANGUAGES,
  whatsappLanguageCode,
} from "./languages.js";
import { renderWhatsAppRequest } from "./render.js";
import { resolveWhatsAppLanguage } from "./templates.js";

// Meta's template languages (supported-languages page, updated 2026-05-21), as Meta writes them.
const META_LANGUAGES = new Set(
  [
    "af sq ar ar_EG ar_AE ar_LB ar_MA ar_QA az be_BY bn bn_IN bg ca zh_CN zh_HK zh_TW hr cs da",
    "prs_AF nl nl_BE en en_GB en_US en_AE en_AU en_CA en_GH en_IE en_IN en_JM en_MY en_NZ en_QA",
    "en_SG en_UG en_ZA et fil fi fr fr_BE fr_CA fr_CH fr_CI fr_MA ka de de_AT de_CH el gu ha he",
    "hi hu id ga it ja kn kk rw_RW ko ky_KG lo lv lt mk ms ml mr nb fa pl pt_BR pt_PT pa ro ru",
    "sr sk sl es es_AR es_ES es_MX sw sv ta te th tr uk ur uz vi zu",
  ].flatMap((line) => line.split(" ")),
);

describe("WHATSAPP_LANGUAGE_CODES", () => {
  test("has a Meta template language for every built-in language, each its own", () => {
    expect(Object.keys(WHATSAPP_LANGUAGE_CODES).sort()).toEqual(
      OTP_LANGUAGES.map((l) => l.tag).sort(),
    );
    for (const { tag } of OTP_LANGUAGES) {
      const code = WHATSAPP_LANGUAGE_CODES[tag];
      expect(META_LANGUAGES.has(code), `${tag} → ${code}`).toBe(true);
      // The same language: `pt` → `pt_BR`, `zh-Hant` → `zh_TW`, never another one.
      expect(code.split("_")[0], tag).toBe(tag.split("-")[0]);
    }
    expect(new Set(WHATSAPP_TEMPLATE_LANGUAGES).size).toBe(OTP_LANGUAGES.length);
    expect(WHATSAPP_TEMPLATE_LANGUAGES).toContain("zh_TW");
  });
});

describe("whatsappLanguageCode", () => {
  test.each([
    ["en", "en_US"],
    ["en-GB", "en_GB"],
    ["en-FR", "en_US"],
    ["es", "es"],
    ["es-MX", "es_MX"],
    ["es-CO", "es"],
    ["pt", "pt_BR"],
    ["pt_PT", "pt_PT"],
    ["zh", "zh_CN"],
    ["zh-TW", "zh_TW"],
    ["zh-HK", "zh_HK"],
    ["zh-MO", "zh_HK"],
    ["zh-Hant", "zh_TW"],
    ["zh-Hans-HK", "zh_CN"],
    ["ar-EG", "ar_EG"],
    ["ar-SA", "ar"],
    ["fr-CA", "fr_CA"],
    ["de-AT", "de_AT"],
    ["no", "nb"],
    ["iw", "he"],
    ["tl", "fil"],
  ])("%s → %s", (locale, code) => {
    expect(whatsappLanguageCode(locale)).toBe(code);
  });

  test("is undefined for a locale no built-in language serves", () => {
    for (const locale of ["kl", "ga", "", "not a tag", undefined, 42]) {
      expect(whatsappLanguageCode(locale)).toBeUndefined();
    }
  });
});

describe("resolveWhatsAppLanguage over every built-in language", () => {
  test.each(OTP_LANGUAGES.map((l) => l.tag))("%s picks its own code", (tag) => {
    const picked = resolveWhatsAppLanguage(tag, WHATSAPP_TEMPLATE_LANGUAGES, "en_US");
    expect(picked).toBe(WHATSAPP_LANGUAGE_CODES[tag]);
  });

  test.each([
    ["pt-BR", ["en_US", "pt_BR", "pt_PT"], "pt_BR"],
    ["pt", ["en_US", "pt_PT", "pt_BR"], "pt_BR"],
    ["zh-HK", ["zh_CN", "zh_TW"], "zh_TW"],
    ["zh-Hant", ["zh_CN", "zh_HK"], "zh_HK"],
    ["zh", ["zh_TW", "zh_CN"], "zh_CN"],
    ["zh-TW", ["en_US", "zh_CN"], "zh_CN"],
    ["no", ["en_US", "nb"], "nb"],
    ["nn-NO", ["en_US", "nb"], "nb"],
    ["iw-IL", ["en_US", "he"], "he"],
    ["ga", ["en_US", "ga"], "ga"],
    ["kl", ["en_US", "da"], "en_US"],
  ])("%s among %j → %s", (locale, approved, expected) => {
    expect(resolveWhatsAppLanguage(locale, approved, "en_US")).toBe(expected);
  });
});

test("the channel's request carries the language the locale picks", () => {
  const message: OtpMessage = {
    kind: "code",
    to: "+85291234567",
    recipient: { phone: "+85291234567" },
    code: "482913",
    locale: "zh-HK",
    purpose: "login",
    deliveryId: "dlv-zh",
  };
  const all = { languages: WHATSAPP_TEMPLATE_LANGUAGES };
  expect(renderWhatsAppRequest(message, all).template.language.code).toBe("zh_TW");
  expect(renderWhatsAppRequest({ ...message, locale: "ar-EG" }, all).template.language.code).toBe(
    "ar",
  );
  expect(renderWhatsAppRequest({ ...message, locale: "kl" }, all).template.language.code).toBe(
    "en_US",
  );
});
