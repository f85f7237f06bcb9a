import { describe, expect, it } from "vitest";
import { languageCandidates, languageDirection, matchLanguage } from "./language-match.js";

describe("languageCandidates", () => {
  it.each([
    ["pt-BR", ["pt-br", "pt"]],
    ["es_MX", ["es-mx", "es"]],
    ["zh-TW", ["zh-tw", "zh-hant", "zh"]],
    ["zh-HK", ["zh-hk", "zh-hant", "zh"]],
    ["zh-Hant-TW", ["zh-hant-tw", "zh-hant", "zh"]],
    ["zh-Hans-CN", ["zh-hans-cn", "zh-hans", "zh"]],
    ["zh-CN", ["zh-cn", "zh"]],
    ["no", ["no", "nb"]],
    ["nn-NO", ["nn-no", "nn", "nb-no", "nb"]],
    ["iw-IL", ["iw-il", "iw", "he-il", "he"]],
    ["tl", ["tl", "fil"]],
    ["en-US-u-ca-gregory", ["en-us", "en"]],
    ["de-CH-x-private", ["de-ch", "de"]],
  ])("%s → %j", (locale, expected) => {
    expect(languageCandidates(locale)).toEqual(expected);
  });

  it("gives nothing for what is not a tag", () => {
    for (const bad of ["", "e", "english!", "<script>", "1234", "en--US", 42, null, undefined]) {
      expect(languageCandidates(bad)).toEqual([]);
    }
    expect(languageCandidates(`en-${"a".repeat(70)}`)).toEqual([]);
  });
});

describe("matchLanguage", () => {
  it("finds the built-in language of a regional or aliased tag", () => {
    expect(matchLanguage("pt-BR")).toBe("pt");
    expect(matchLanguage("es-MX")).toBe("es");
    expect(matchLanguage("zh-TW")).toBe("zh-Hant");
    expect(matchLanguage("zh-Hant")).toBe("zh-Hant");
    expect(matchLanguage("zh-SG")).toBe("zh");
    expect(matchLanguage("no")).toBe("nb");
    expect(matchLanguage("he-IL")).toBe("he");
    expect(matchLanguage("FIL")).toBe("fil");
    expect(matchLanguage("ar_EG")).toBe("ar");
  });

  it("prefers the most specific entry on offer and keeps its spelling", () => {
    expect(matchLanguage("es-MX", ["en", "es-MX", "es"])).toBe("es-MX");
    expect(matchLanguage("es-AR", ["en", "es-MX", "es"])).toBe("es");
  });

  it("answers undefined for a language it lacks or a malformed tag", () => {
    expect(matchLanguage("kl")).toBeUndefined();
    expect(matchLanguage("not a tag")).toBeUndefined();
    expect(matchLanguage("fr", ["en", "es"])).toBeUndefined();
  });
});

describe("languageDirection", () => {
  it.each([
    ["ar-EG", "rtl"],
    ["he", "rtl"],
    ["iw", "rtl"],
    ["fa-IR", "rtl"],
    ["ur-PK", "rtl"],
    ["ps", "rtl"],
    ["pa-Arab", "rtl"],
    ["az-Arab-IR", "rtl"],
    ["ku-Latn", "ltr"],
    ["en", "ltr"],
    ["zh-Hant", "ltr"],
    ["not a tag", "ltr"],
  ])("%s → %s", (locale, dir) => {
    expect(languageDirection(locale)).toBe(dir);
  });
});
