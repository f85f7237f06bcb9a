import { OTP_LANGUAGES } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { CONVERSATION_LOCALES } from "./locales/index.js";
import type { ConversationMessages } from "./messages.js";
import { fill, MESSAGES_EN, MESSAGES_ES, messagesFor } from "./messages.js";

const KEYS = Object.keys(MESSAGES_EN) as (keyof ConversationMessages)[];
const VALUES = { destination: "***78", minutes: 5, attempts: 2, length: 6, seconds: 42 };
// Direction marks and embeddings: chat clients lay plain text out themselves.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// Letters of the Arabic and Hebrew scripts (Arabic, Persian, Urdu; Hebrew).
const RTL_LETTERS = /[\u0590-\u05ff\u0600-\u06ff]/;

/** The `{placeholder}` names of a text, sorted (repeats kept). */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

describe("built-in conversation replies", () => {
  it("exist for every language of OTP_LANGUAGES (58), frozen", () => {
    expect(Object.keys(CONVERSATION_LOCALES).sort()).toEqual(
      OTP_LANGUAGES.map((l) => l.tag).sort(),
    );
    expect(Object.keys(CONVERSATION_LOCALES).length).toBeGreaterThanOrEqual(55);
    expect(MESSAGES_EN).toBe(CONVERSATION_LOCALES.en);
    expect(MESSAGES_ES).toBe(CONVERSATION_LOCALES.es);
    expect(Object.isFrozen(CONVERSATION_LOCALES.de)).toBe(true);
  });

  describe.each(OTP_LANGUAGES.map((l) => [l.tag, l.dir] as const))("%s", (tag, dir) => {
    const messages = CONVERSATION_LOCALES[tag];

    it("has every message, none empty, with the placeholders of the English one", () => {
      expect(Object.keys(messages).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        const text = messages[key];
        expect(text.trim(), key).not.toBe("");
        expect(text, key).toBe(text.trim());
        expect(placeholders(text), key).toEqual(placeholders(MESSAGES_EN[key]));
        // Only `{name}` placeholders use braces; a stray one would reach the user.
        expect(text.replace(/\{\w+\}/g, ""), key).not.toMatch(/[{}]/);
        if (tag !== "en") expect(text, key).not.toBe(MESSAGES_EN[key]);
      }
    });

    it(`reads ${dir === "rtl" ? "right to left, in its own script," : "as plain text"} with no direction marks`, () => {
      for (const key of KEYS) {
        const filled = fill(messages[key], VALUES);
        expect(filled, key).not.toMatch(/[{}]/);
        expect(filled, key).not.toMatch(BIDI_CONTROLS);
        if (dir === "rtl") expect(filled, key).toMatch(RTL_LETTERS);
      }
    });
  });
});

describe("messagesFor", () => {
  it.each([
    ["pt-BR", "pt"],
    ["pt_PT", "pt"],
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-CN", "zh"],
    ["no", "nb"],
    ["iw", "he"],
    ["tl", "fil"],
    ["AR-eg", "ar"],
    ["kl", "en"],
    ["not a tag", "en"],
  ] as const)("%s speaks %s", (locale, tag) => {
    expect(messagesFor(locale, {})).toEqual(CONVERSATION_LOCALES[tag]);
  });

  it("falls back to defaultLocale, then English", () => {
    expect(messagesFor("kl", {}, "de")).toEqual(CONVERSATION_LOCALES.de);
    expect(messagesFor("kl", {}, "pt-BR")).toEqual(CONVERSATION_LOCALES.pt);
    expect(messagesFor("kl", {}, "xx")).toEqual(CONVERSATION_LOCALES.en);
    // A built-in language is spoken whatever the default.
    expect(messagesFor("fr", {}, "de")).toEqual(CONVERSATION_LOCALES.fr);
  });

  it("applies the language's overrides, then the region's, whatever their case", () => {
    const overrides = {
      pt: { verified: "Pronto!" },
      "PT-br": { verified: "Pronto, tudo certo!", sessionEnded: "Até logo." },
      en: { verified: "Done." },
    };
    const br = messagesFor("pt-BR", overrides);
    expect(br).toMatchObject({ verified: "Pronto, tudo certo!", sessionEnded: "Até logo." });
    expect(br.expired).toBe(CONVERSATION_LOCALES.pt.expired);
    expect(messagesFor("pt-PT", overrides)).toMatchObject({
      verified: "Pronto!",
      sessionEnded: CONVERSATION_LOCALES.pt.sessionEnded,
    });
    // English overrides are English: they do not leak into other built-in languages.
    expect(messagesFor("de", overrides).verified).toBe(CONVERSATION_LOCALES.de.verified);
    expect(messagesFor("en-GB", overrides).verified).toBe("Done.");
  });

  it("serves an operator's own language over the default language's messages", () => {
    const overrides = {
      cy: { verified: "Hunaniaeth wedi'i gwirio." },
      en: { pending: "Type the code, please." },
      de: { pending: "Bitte den Code eingeben." },
    };
    const cy = messagesFor("cy-GB", overrides);
    expect(cy.verified).toBe("Hunaniaeth wedi'i gwirio.");
    // The rest: English with the English overrides…
    expect(cy.pending).toBe("Type the code, please.");
    expect(cy.expired).toBe(MESSAGES_EN.expired);
    // …or the default language with its overrides.
    expect(messagesFor("cy", overrides, "de")).toMatchObject({
      verified: "Hunaniaeth wedi'i gwirio.",
      pending: "Bitte den Code eingeben.",
      expired: CONVERSATION_LOCALES.de.expired,
    });
  });
});
