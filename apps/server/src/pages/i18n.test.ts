import { OTP_LANGUAGES } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { markup, page } from "./html.js";
import { MESSAGES, pickLanguage } from "./i18n.js";
import { PAGE_LOCALES } from "./locales/index.js";
import type { PageStrings } from "./page-strings.js";

const KEYS = Object.keys(PAGE_LOCALES.en) as (keyof PageStrings)[];

/** The `{placeholder}` names of a text, sorted (repeats kept). */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

describe("the hosted page's texts", () => {
  it("exist for every language of OTP_LANGUAGES (58)", () => {
    const tags = OTP_LANGUAGES.map((l) => l.tag).sort();
    expect(Object.keys(PAGE_LOCALES).sort()).toEqual(tags);
    expect(Object.keys(MESSAGES).sort()).toEqual(tags);
    expect(tags.length).toBeGreaterThanOrEqual(55);
  });

  describe.each(OTP_LANGUAGES.map((l) => [l.tag, l.dir] as const))("%s", (tag, dir) => {
    const strings = PAGE_LOCALES[tag];

    it("has every string, none empty, with the placeholders of the English one", () => {
      expect(Object.keys(strings).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        const text = strings[key];
        expect(text.trim(), key).not.toBe("");
        expect(text, key).toBe(text.trim());
        expect(placeholders(text), key).toEqual(placeholders(PAGE_LOCALES.en[key]));
        expect(text.replace(/\{\w+\}/g, ""), key).not.toMatch(/[{}<>]/);
        if (tag !== "en" && key !== "label" && key !== "endedTitle") {
          expect(text, key).not.toBe(PAGE_LOCALES.en[key]);
        }
      }
    });

    it("fills every text, leaving no placeholder", () => {
      const m = MESSAGES[tag];
      const filled = [
        m.intro("a***@example.com"),
        m.intro(null),
        m.invalid(1),
        m.invalid(2),
        m.resent("a***@example.com", 1),
        m.resent(null, 3),
        m.wrongResent("a***@example.com", 3),
        m.replaced("a***@example.com"),
        m.replaced(null),
        m.resendWait(1_000),
        m.resendWait(30_000),
        m.resendWait(60_000),
        m.resendWait(150_000),
        m.malformed(6, "numeric"),
        m.malformed(8, "alpha"),
        m.malformed(8, "alphanumeric"),
        m.locked(1, "10:15"),
        m.locked(15, "10:15"),
        m.lockedUntilUnlocked("help@acme.example"),
        m.lockedUntilUnlocked(null),
      ];
      for (const text of filled) expect(text).not.toMatch(/[{}]/);
      expect(m.intro("a***@example.com")).toContain("a***@example.com");
      expect(m.wrongResent("a***@example.com", 3)).toContain("a***@example.com");
      expect(m.replaced("a***@example.com")).toContain("a***@example.com");
      expect(m.lockedUntilUnlocked("help@acme.example")).toContain("help@acme.example");
      expect(m.locked(15, "10:15")).toContain("10:15");
    });

    it(`lays the page out ${dir === "rtl" ? "right to left" : "left to right (no dir)"}`, () => {
      const html = String(page({ lang: tag, title: MESSAGES[tag].title, body: markup`<p></p>` }));
      expect(html).toContain(
        dir === "rtl" ? `<html lang="${tag}" dir="rtl">` : `<html lang="${tag}">`,
      );
    });
  });

  it("keeps the English and Spanish wording", () => {
    expect(MESSAGES.en.invalid(2)).toBe("That code is not right. 2 attempts remaining.");
    expect(MESSAGES.en.wrongResent("a***@example.com", 3)).toBe(
      "That code is not right. We sent a new code to a***@example.com. Enter the new code (3 attempts).",
    );
    expect(MESSAGES.en.resendWait(61_000)).toBe("You can ask for a new code in 2 minutes.");
    expect(MESSAGES.en.replaced("a***@example.com")).toBe(
      "That code was replaced: use the newest code we sent to a***@example.com.",
    );
    expect(MESSAGES.es.invalid(1)).toBe("El código no es correcto. Queda 1 intento.");
    expect(MESSAGES.es.malformed(8, "alphanumeric")).toBe(
      "Introduce el código de 8 caracteres (letras y números).",
    );
  });

  it("never reads a filled-in value as a placeholder", () => {
    expect(MESSAGES.en.intro("{attempts}")).toBe("We sent a code to {attempts}.");
    expect(MESSAGES.en.lockedUntilUnlocked("{next}")).toContain("contact {next}.");
  });
});

describe("pickLanguage", () => {
  it.each([
    ["fr-CA, en;q=0.8", null, "fr"],
    ["pt-BR,pt;q=0.9", null, "pt"],
    ["zh-TW,zh;q=0.9", null, "zh-Hant"],
    ["zh-CN", null, "zh"],
    ["nb-NO, no;q=0.9", null, "nb"],
    ["ar-EG", null, "ar"],
    ["kl, de;q=0.5", null, "de"],
    ["de;q=0.2, ja;q=0.9", null, "ja"],
    ["*", "he-IL", "he"],
    ["kl", "iw", "he"],
    [undefined, "kl", "en"],
    ["fr;q=0", undefined, "en"],
  ] as const)("%s (then %s) → %s", (header, fallback, lang) => {
    expect(pickLanguage(header, fallback)).toBe(lang);
  });
});
