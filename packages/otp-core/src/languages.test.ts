import { describe, expect, it } from "vitest";
import { languageDirection } from "./language-match.js";
import { OTP_LANGUAGE_TAGS, OTP_LANGUAGES } from "./languages.js";

describe("OTP_LANGUAGES", () => {
  it("lists at least 55 languages, each once, as canonical BCP 47 tags", () => {
    expect(OTP_LANGUAGES.length).toBeGreaterThanOrEqual(55);
    expect(new Set(OTP_LANGUAGE_TAGS).size).toBe(OTP_LANGUAGES.length);
    for (const { tag, name, nativeName } of OTP_LANGUAGES) {
      expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
      expect(name.trim()).not.toBe("");
      expect(nativeName.trim()).not.toBe("");
    }
  });

  it("marks exactly the right-to-left languages, and agrees with languageDirection", () => {
    const rtl = OTP_LANGUAGES.filter((l) => l.dir === "rtl").map((l) => l.tag);
    expect(rtl.sort()).toEqual(["ar", "fa", "he", "ur"]);
    for (const { tag, dir } of OTP_LANGUAGES) expect(languageDirection(tag), tag).toBe(dir);
  });
});
