import { DEFAULT_PORTAL_SETTINGS } from "@otpkit/hubspot-adapter";
import { describe, expect, it } from "vitest";
import type { SettingsDraft } from "./draft.js";
import { draftOf, previewInput, withValue } from "./draft.js";
import {
  draftKey,
  languagesWithTexts,
  parseTranslationPath,
  translationEdit,
  translationPath,
  translationProblems,
  translationsIn,
} from "./translations-draft.js";

const withTexts = (translations: unknown): SettingsDraft =>
  withValue(draftOf(DEFAULT_PORTAL_SETTINGS), "email.translations", translations);

describe("the languages' texts in the draft", () => {
  it("are read as given, ignoring what is not text", () => {
    const draft = withTexts({ de: { subject: "Ihr Code", body: 42 }, fr: "nope", ar: {} });
    expect(translationsIn(draft)).toEqual({ de: { subject: "Ihr Code" }, ar: {} });
    expect(translationsIn(withTexts("nope"))).toEqual({});
    expect(translationsIn(draftOf(DEFAULT_PORTAL_SETTINGS))).toEqual({});
  });

  it("list the languages with a text of their own, in the page's order", () => {
    const draft = withTexts({
      "pt-BR": { subject: "Seu código" },
      de: { greeting: "Hallo," },
      ar: { footer: "شكرًا" },
      fr: {},
    });
    expect(languagesWithTexts(draft)).toEqual(["ar", "de", "pt-BR"]);
  });

  it("find a language as the draft writes it", () => {
    const draft = withTexts({ DE: { subject: "Ihr Code" } });
    expect(draftKey(draft, "de")).toBe("DE");
    expect(draftKey(draft, "fr")).toBe("fr");
  });

  it("name their paths both ways", () => {
    expect(translationPath("pt-BR", "body")).toBe("email.translations.pt-BR.body");
    expect(parseTranslationPath("email.translations.pt-BR.body")).toEqual({
      tag: "pt-BR",
      part: "body",
    });
    expect(parseTranslationPath("email.translations.de")).toBeUndefined();
    expect(parseTranslationPath("email.translations.de.title")).toBeUndefined();
    expect(parseTranslationPath("email.template.body")).toBeUndefined();
  });

  it("are edited one part at a time, and an emptied language goes", () => {
    const draft = withTexts({ de: { subject: "Ihr Code", body: "Hier:" } });
    expect(translationEdit(draft, "fr", "subject", "Votre code")).toEqual({
      path: "email.translations.fr.subject",
      value: "Votre code",
    });
    expect(translationEdit(draft, "de", "subject", "")).toEqual({
      path: "email.translations.de.subject",
      value: undefined,
    });
    const one = withTexts({ de: { subject: "Ihr Code" } });
    expect(translationEdit(one, "de", "subject", "")).toEqual({
      path: "email.translations.de",
      value: undefined,
    });
  });

  it("are refused by path where the server would refuse them", () => {
    const draft = withTexts({
      de: { subject: "Ihr Code", body: "Hallo {name}:" },
      ar: { subject: "سطر\nسطر", greeting: "مرحبًا" },
    });
    expect(translationProblems(draft)).toEqual({
      "email.translations.de.body": "Only {expiry_minutes} is filled in; remove or fix {name}.",
      "email.translations.ar.subject": "Keep the subject on one line.",
    });
    expect(translationProblems(withTexts({ de: { subject: "Ihr Code" } }))).toEqual({});
  });

  it("go to the preview for the language previewed only", () => {
    const draft = withTexts({ de: { subject: "Ihr Code" }, fr: { subject: "Votre code" } });
    expect(previewInput(draft, { tag: "de", texts: { subject: "Ihr Code" } })).toMatchObject({
      email: { translations: { de: { subject: "Ihr Code" } } },
    });
    expect(previewInput(draft)["email"]).toEqual({
      template: DEFAULT_PORTAL_SETTINGS.email.template,
    });
  });
});
