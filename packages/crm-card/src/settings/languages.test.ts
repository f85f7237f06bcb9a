import { describe, expect, it } from "vitest";
// otp-core's own list, read from its source: crm-card does not depend on otp-core at run time
// (the page is bundled for HubSpot with react and @hubspot/ui-extensions only).
import { languageDirection } from "../../../otp-core/src/language-match.js";
import { OTP_LANGUAGES } from "../../../otp-core/src/languages.js";
import { languageName, languageOf, OTP_EMAIL_LANGUAGES } from "./languages.js";

describe("the page's languages", () => {
  it("are otp-core's OTP_LANGUAGES, in its order, with the same names and directions", () => {
    expect(OTP_EMAIL_LANGUAGES.map((l) => ({ ...l }))).toEqual(
      OTP_LANGUAGES.map((l) => ({ ...l })),
    );
    for (const l of OTP_EMAIL_LANGUAGES) expect(l.dir, l.tag).toBe(languageDirection(l.tag));
  });

  it("are found without regard to case, and named for a picker", () => {
    expect(languageOf("DE")?.tag).toBe("de");
    expect(languageOf("zh-hant")?.name).toBe("Chinese (Traditional)");
    expect(languageOf("ga")).toBeUndefined();
    expect(languageName("de")).toBe("German (Deutsch)");
    expect(languageName("ar")).toBe("Arabic (العربية)");
    expect(languageName("fil")).toBe("Filipino");
    expect(languageName("pt-BR")).toBe("pt-BR");
  });
});
