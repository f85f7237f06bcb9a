// Texts by language against the real settings API (adapter) and its e-mail renderer: choosing a
// language, otpkit's e-mail in it, writing texts of one's own, the page's check before sending,
// the server's refusal, going back to otpkit's texts, and the overview of languages with texts.
import { Alert, Button, Flex, LoadingButton, Select, Tag, Text } from "@hubspot/ui-extensions";
import { DEFAULT_PORTAL_SETTINGS } from "@otpkit/hubspot-adapter";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SettingsWorld } from "./settings-fixtures.js";
import { startSettingsWorld } from "./settings-fixtures.js";
import type { SettingsRenderer } from "./settings-harness.js";
import {
  change,
  clickSave,
  fieldError,
  formStatus,
  openSettingsPage,
  propOf,
  shown,
  textOf,
  type,
  WAIT,
} from "./settings-harness.js";

let world: SettingsWorld;
beforeEach(async () => {
  world = await startSettingsWorld();
});
afterEach(async () => {
  await world.close();
});

const puts = () => world.calls.filter((c) => c.method === "PUT");
const overview = (page: SettingsRenderer) =>
  textOf(page.findByTestId(Flex, "translations-overview"));
const overviewText = (page: SettingsRenderer) =>
  textOf(page.findByTestId(Text, "translations-overview"));
const choose = (page: SettingsRenderer, tag: string) =>
  page.findByTestId(Select, "translation-language").trigger("onChange", tag as never);
const subject = (page: SettingsRenderer, prefix: string) =>
  textOf(page.maybeFindByTestId(Text, `${prefix}preview-subject`));
const summary = (page: SettingsRenderer) => textOf(page.maybeFindByTestId(Alert, "error-summary"));
const savedWith = (translations: object) =>
  world.saveRaw(
    JSON.stringify({
      ...DEFAULT_PORTAL_SETTINGS,
      email: { ...DEFAULT_PORTAL_SETTINGS.email, translations },
    }),
  );
const sentTranslations = () =>
  (puts().at(-1)?.body?.["email"] as { translations?: unknown } | undefined)?.translations;

describe("texts by language", () => {
  it("shows otpkit's e-mail in the chosen language, and saves a text of one's own", async () => {
    const page = await openSettingsPage(world);
    expect(overviewText(page)).toMatch(/No language has texts of its own yet/);
    expect(page.maybeFindByTestId(Flex, "language-editor")).toBeNull();
    const options = page.findByTestId(Select, "translation-language").props.options;
    expect(options).toHaveLength(57); // every built-in language but English
    expect(options.find((o) => o.value === "de")?.label).toBe("German (Deutsch)");

    choose(page, "de");
    await page.waitFor(
      () => expect(subject(page, "language-")).toBe("Subject: Ihr Bestätigungscode für Acme"),
      WAIT,
    );
    expect(textOf(page.findByTestId(Flex, "language-preview-text"))).toContain(
      "Hier ist der Bestätigungscode, den Sie angefordert haben:",
    );
    expect(propOf(page, "email.translations.de.subject", "placeholder")).toBe(
      "Empty: otpkit's German text",
    );
    expect(shown(page, "email.translations.de.body")).toBe("");

    type(page, "email.translations.de.subject", "Ihr Acme-Code, {expiry_minutes} Minuten gültig");
    await page.waitFor(
      () => expect(subject(page, "language-")).toBe("Subject: Ihr Acme-Code, 10 Minuten gültig"),
      WAIT,
    );
    // otpkit's own German e-mail stays in view, to compare.
    await page.waitFor(
      () => expect(subject(page, "builtin-")).toBe("Subject: Ihr Bestätigungscode für Acme"),
      WAIT,
    );
    const preview = world.calls.filter((c) => c.path === "/hubspot/settings/preview").at(-1);
    expect(preview?.body).toMatchObject({
      locale: "de",
      email: {
        translations: { de: { subject: "Ihr Acme-Code, {expiry_minutes} Minuten gültig" } },
      },
    });
    expect(overview(page)).toBe("Your texts:German (Deutsch)");
    expect(formStatus(page)).toBe("Unsaved changes");

    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(sentTranslations()).toEqual({
      de: { subject: "Ihr Acme-Code, {expiry_minutes} Minuten gültig" },
    });
    expect(page.mocks.actions.addAlert.calls.at(-1)?.[0]).toMatchObject({ type: "success" });

    const again = await openSettingsPage(world);
    expect(overview(again)).toBe("Your texts:German (Deutsch)");
    again.findByTestId(Tag, "translation-tag-de").trigger("onClick");
    await again.waitFor(
      () =>
        expect(shown(again, "email.translations.de.subject")).toBe(
          "Ihr Acme-Code, {expiry_minutes} Minuten gültig",
        ),
      WAIT,
    );
  });

  it("names a text the server would refuse at its field as it is typed, and sends nothing", async () => {
    const page = await openSettingsPage(world);
    choose(page, "de");
    type(page, "email.translations.de.body", "Hallo {name}, Ihr Code:");
    await page.waitFor(
      () =>
        expect(fieldError(page, "email.translations.de.body")).toBe(
          "Only {expiry_minutes} is filled in; remove or fix {name}.",
        ),
      WAIT,
    );
    expect(page.findByTestId(Tag, "translation-tag-de").props.variant).toBe("error");

    clickSave(page);
    await page.waitFor(() => expect(summary(page)).not.toBe(""), WAIT);
    expect(puts()).toHaveLength(0);
    expect(summary(page)).toContain(
      "Texts by language: German (Deutsch): Text above the code: Only {expiry_minutes} is filled in; remove or fix {name}.",
    );
    expect(page.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: "danger",
      title: "Settings not saved",
      message: "One setting needs fixing: see the messages next to the fields.",
    });

    type(page, "email.translations.de.body", "Hallo, Ihr Code:");
    await page.waitFor(
      () => expect(fieldError(page, "email.translations.de.body")).toBeUndefined(),
      WAIT,
    );
    expect(summary(page)).toBe("");
    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(sentTranslations()).toEqual({ de: { body: "Hallo, Ihr Code:" } });
  });

  it("shows the server's refusal at the language's field", async () => {
    // A language otpkit has no e-mail in needs the subject and the text above the code.
    await savedWith({ ga: { subject: "Do chód" } });
    const page = await openSettingsPage(world);
    expect(overview(page)).toBe("Your texts:ga");
    change(page, "maxAttempts", 4);
    clickSave(page);
    await page.waitFor(() => expect(summary(page)).not.toBe(""), WAIT);
    expect(puts()).toHaveLength(1);
    expect(summary(page)).toMatch(
      /Texts by language: ga: Text above the code: otpkit has no e-mail in "ga"/,
    );
    expect(page.findByTestId(Tag, "translation-tag-ga").props.variant).toBe("error");

    page.findByTestId(Tag, "translation-tag-ga").trigger("onClick");
    await page.waitFor(
      () => expect(fieldError(page, "email.translations.ga.body")).toMatch(/no e-mail in "ga"/),
      WAIT,
    );
    type(page, "email.translations.ga.body", "Seo é do chód:");
    await page.waitFor(
      () => expect(fieldError(page, "email.translations.ga.body")).toBeUndefined(),
      WAIT,
    );
    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(sentTranslations()).toEqual({ ga: { subject: "Do chód", body: "Seo é do chód:" } });
  });

  it("lists the languages with texts, and goes back to otpkit's texts for one", async () => {
    await savedWith({ de: { subject: "Ihr Acme-Code" }, ar: { greeting: "أهلًا،" } });
    const page = await openSettingsPage(world);
    expect(overview(page)).toBe("Your texts:Arabic (العربية)German (Deutsch)");
    const options = page.findByTestId(Select, "translation-language").props.options;
    expect(options.find((o) => o.value === "de")?.label).toBe("German (Deutsch) · your texts");
    expect(options.find((o) => o.value === "fr")?.label).toBe("French (Français)");

    page.findByTestId(Tag, "translation-tag-de").trigger("onClick");
    await page.waitFor(
      () => expect(shown(page, "email.translations.de.subject")).toBe("Ihr Acme-Code"),
      WAIT,
    );
    page.findByTestId(Button, "reset-language").trigger("onClick");
    await page.waitFor(() => expect(overview(page)).toBe("Your texts:Arabic (العربية)"), WAIT);
    expect(shown(page, "email.translations.de.subject")).toBe("");
    expect(page.findByTestId(Button, "reset-language").props.disabled).toBe(true);
    await page.waitFor(
      () => expect(subject(page, "language-")).toBe("Subject: Ihr Bestätigungscode für Acme"),
      WAIT,
    );
    expect(page.maybeFindByTestId(Text, "builtin-preview-subject")).toBeNull();

    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(sentTranslations()).toEqual({ ar: { greeting: "أهلًا،" } });
    const again = await openSettingsPage(world);
    expect(overview(again)).toBe("Your texts:Arabic (العربية)");
  });

  it("drops a language whose last text is emptied, so nothing is left to save", async () => {
    await savedWith({ de: { subject: "Ihr Acme-Code" } });
    const page = await openSettingsPage(world);
    choose(page, "de");
    type(page, "email.translations.de.subject", "");
    await page.waitFor(() => expect(overviewText(page)).toMatch(/No language has texts/), WAIT);
    expect(formStatus(page)).toBe("Unsaved changes");
    type(page, "email.translations.de.subject", "Ihr Acme-Code");
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(page.findByTestId(LoadingButton, "save-settings").props.disabled).toBe(true);
  });

  it("previews a right-to-left language right to left, and says what the inputs cannot do", async () => {
    const page = await openSettingsPage(world);
    choose(page, "ar");
    await page.waitFor(
      () =>
        expect(subject(page, "language-")).toBe("Subject: \u2067رمز التحقق الخاص بك من Acme\u2069"),
      WAIT,
    );
    expect(textOf(page.findByTestId(Text, "language-rtl-note"))).toMatch(/right to left/);
    const paragraphs = page.findByTestId(Flex, "language-preview-text").findAll(Flex);
    expect(paragraphs.length).toBeGreaterThan(2);
    for (const p of paragraphs) expect(p.props.align).toBe("end");

    choose(page, "de");
    await page.waitFor(
      () => expect(subject(page, "language-")).toContain("Ihr Bestätigungscode"),
      WAIT,
    );
    expect(page.maybeFindByTestId(Text, "language-rtl-note")).toBeNull();
  });
});
