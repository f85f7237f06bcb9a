// The page's check of a language's texts against the server's own: every case goes through the
// page's `textProblem` and through the settings schema (`parsePortalSettings`), and both must
// give the same answer in the same words. A rule changed on one side only fails here.
import { parsePortalSettings } from "@otpkit/hubspot-adapter";
import { describe, expect, it } from "vitest";
import type { TranslationPart } from "./translation-rules.js";
import { isMultiLine, TRANSLATION_PARTS, textProblem } from "./translation-rules.js";

/** The server's message for one part of the German texts, or undefined when it accepts it. */
function serverSays(part: TranslationPart, value: unknown): string | undefined {
  const parsed = parsePortalSettings({ email: { translations: { de: { [part]: value } } } });
  return parsed.ok ? undefined : parsed.fieldErrors[`email.translations.de.${part}`];
}

const CASES: readonly unknown[] = [
  "Ihr Code",
  "Gültig {expiry_minutes} Minuten",
  "{expiry_minutes}{expiry_minutes}",
  "",
  "   ",
  "Hallo {name}",
  "Ihr Code: {{code}}",
  "{code} and {code} and {first_name}",
  "{ }",
  "a {expiry} b",
  "only an opening {brace",
  "Zeile eins\nZeile zwei",
  "Zeile eins\r\nZeile zwei",
  "Tab\tgetrennt",
  "Glocke\u0007",
  "Löschen\u007f",
  "ن\u200fص عربي",
  "x".repeat(200),
  "x".repeat(201),
  "x".repeat(1000),
  "x".repeat(1001),
  "x".repeat(2000),
  "x".repeat(2001),
  `${"x".repeat(2001)} {name}`,
  42,
  null,
  true,
];

describe("a language's texts, checked on the page", () => {
  it.each(TRANSLATION_PARTS)("%s: the server's rule and words", (part) => {
    for (const value of CASES) {
      const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : value;
      expect(textProblem(part, value), `${part} ${shown}`).toBe(serverSays(part, value));
    }
  });

  it("names what is wrong so the admin can fix it", () => {
    expect(textProblem("body", "Hallo {name}, {name}, Ihr Code: {{code}}")).toBe(
      "Only {expiry_minutes} is filled in; remove or fix {name}, {code}.",
    );
    expect(textProblem("subject", "Ihr\nCode")).toBe("Keep the subject on one line.");
    expect(textProblem("subject", " ")).toBe("Enter the subject.");
    expect(textProblem("greeting", " ")).toBeUndefined();
    expect(textProblem("footer", "x".repeat(1001))).toBe(
      "Shorten the footer to 1000 characters at most.",
    );
  });

  it("spans lines only where a text may", () => {
    expect(TRANSLATION_PARTS.filter(isMultiLine)).toEqual(["body", "footer"]);
  });
});
