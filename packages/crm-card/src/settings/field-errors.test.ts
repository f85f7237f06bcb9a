import { describe, expect, it } from "vitest";
import { errorLines, withoutError } from "./field-errors.js";
import { FIELD_LABELS, groupOf, SETTINGS_GROUPS } from "./settings-fields.js";

describe("the field table", () => {
  it("puts every setting in exactly one group", () => {
    const grouped = SETTINGS_GROUPS.flatMap((g) => g.fields);
    expect([...grouped].sort()).toEqual(Object.keys(FIELD_LABELS).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it("finds the group of a field and of a section", () => {
    expect(groupOf("defaultCountry")?.title).toBe("Limits");
    expect(groupOf("storage")?.title).toBe("Code");
    expect(groupOf("email.template")?.title).toBe("E-mail");
    expect(groupOf("")).toBeUndefined();
    expect(groupOf("somethingNew")).toBeUndefined();
  });
});

describe("field errors", () => {
  it("list in the page's order, named by group and field", () => {
    const lines = errorLines({
      "propertyStorage.property": "Choose a contact property.",
      "email.template.subject": "Enter the subject.",
      "code.length": "Choose a length of 4, 6 or 8 characters.",
      somethingNew: "A field this page does not know.",
      "": "The saved settings were unreadable.",
      email: "Set up e-mail delivery.",
    });
    expect(lines.map((l) => l.label)).toEqual([
      "Settings",
      "Code: Code length",
      "E-mail",
      "E-mail: Subject",
      "CRM property: Contact property",
      "somethingNew",
    ]);
    expect(lines[1]).toEqual({
      path: "code.length",
      label: "Code: Code length",
      message: "Choose a length of 4, 6 or 8 characters.",
    });
  });

  it("name a language's texts by group, language and part, after the E-mail group", () => {
    const lines = errorLines({
      "whatsapp.templates.code": "Use the template name.",
      "email.translations.de.body": "Only {expiry_minutes} is filled in; remove or fix {name}.",
      "email.translations.ar.subject": "Keep the subject on one line.",
      "email.translations.de.subject": "Enter the subject.",
      "email.translations.ga.body": 'otpkit has no e-mail in "ga" to complete.',
      "email.translations": "Give the texts per language.",
      "email.template.footer": "Shorten the footer.",
    });
    expect(lines.map((l) => l.label)).toEqual([
      "E-mail: Footer",
      "Texts by language",
      "Texts by language: Arabic (العربية): Subject",
      "Texts by language: German (Deutsch): Subject",
      "Texts by language: German (Deutsch): Text above the code",
      "Texts by language: ga: Text above the code",
      "WhatsApp: Code template",
    ]);
  });

  it("drop one field's error when it is edited", () => {
    const errors = { maxAttempts: "Use a whole number.", defaultCountry: "Use two letters." };
    expect(withoutError(errors, "maxAttempts")).toEqual({ defaultCountry: "Use two letters." });
    expect(withoutError(errors, "code.type")).toBe(errors);
  });

  it("drop the errors under a group that is replaced or removed", () => {
    const errors = {
      "email.translations.de.body": "Only {expiry_minutes} is filled in.",
      "email.translations.de.subject": "Enter the subject.",
      "email.translations.del.subject": "Enter the subject.",
      "email.translations.ar.subject": "Keep the subject on one line.",
    };
    expect(Object.keys(withoutError(errors, "email.translations.de"))).toEqual([
      "email.translations.del.subject",
      "email.translations.ar.subject",
    ]);
  });
});
