// The settings page against the real settings API (adapter) and a fake HubSpot: saving the whole
// form, field errors, save feedback and failures, and saved settings that no longer validate.
import { Alert, Button, LoadingButton } from "@hubspot/ui-extensions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SettingsWorld } from "./settings-fixtures.js";
import { startSettingsWorld } from "./settings-fixtures.js";
import type { SettingsRenderer } from "./settings-harness.js";
import {
  change,
  clickSave,
  defaultSettings,
  fieldError,
  formStatus,
  openSettingsPage,
  propOf,
  shown,
  textOf,
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
const summary = (page: SettingsRenderer) => page.maybeFindByTestId(Alert, "error-summary");
const summaryText = (page: SettingsRenderer) => textOf(summary(page));

describe("saving", () => {
  it("sends the whole form and confirms", async () => {
    const page = await openSettingsPage(world);
    change(page, "code.type", "alpha");
    change(page, "code.length", 8);
    change(page, "maxAttempts", 4);
    change(page, "lockout.durationMinutes", 30);
    change(page, "defaultCountry", "GB");
    change(page, "email.enabled", true);
    change(page, "email.template.subject", "Your Acme code");
    change(page, "whatsapp.templates.retry", "acme_retry");
    change(page, "storage", "encrypted");
    await page.waitFor(() => expect(formStatus(page)).toBe("Unsaved changes"), WAIT);

    const release = world.hold("/hubspot/settings");
    clickSave(page);
    await page.waitFor(
      () => expect(page.findByTestId(LoadingButton, "save-settings").props.loading).toBe(true),
      WAIT,
    );
    expect(propOf(page, "maxAttempts", "readOnly")).toBe(true);
    release();
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);

    const expected = defaultSettings();
    expected.code = { type: "alpha", length: 8, allowWeak: false };
    expected.maxAttempts = 4;
    expected.lockout.durationMinutes = 30;
    expected.defaultCountry = "GB";
    expected.email.enabled = true;
    expected.email.template.subject = "Your Acme code";
    expected.whatsapp.templates = { retry: "acme_retry" };
    expected.storage = "encrypted";
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.body).toEqual(expected);
    expect(page.mocks.actions.addAlert.calls.at(-1)?.[0]).toMatchObject({
      type: "success",
      title: "Settings saved",
    });
    expect(page.findByTestId(LoadingButton, "save-settings").props.disabled).toBe(true);
    expect(page.maybeFindByTestId(Alert, "not-saved-yet")).toBeNull();

    // Saved for real: a new page shows them.
    const again = await openSettingsPage(world);
    expect(shown(again, "code.type")).toBe("alpha");
    expect(shown(again, "whatsapp.templates.retry")).toBe("acme_retry");
    expect(formStatus(again)).toBe("All changes saved");
  });

  it("shows the server's field errors next to their fields and in a summary", async () => {
    const page = await openSettingsPage(world);
    change(page, "maxAttempts", 0);
    change(page, "defaultCountry", "XX");
    change(page, "email.template.subject", "");
    change(page, "email.template.body", "Your code {code}:");
    change(page, "whatsapp.templates.code", "Acme Code!");
    await page.waitFor(() => expect(formStatus(page)).toBe("Unsaved changes"), WAIT);
    clickSave(page);
    await page.waitFor(() => expect(summary(page)).not.toBeNull(), WAIT);

    expect(fieldError(page, "maxAttempts")).toBe("Use a whole number from 1 to 20.");
    expect(fieldError(page, "defaultCountry")).toMatch(/two-letter country code/);
    expect(fieldError(page, "email.template.subject")).toBe("Enter the subject.");
    expect(fieldError(page, "email.template.body")).toMatch(/remove or fix \{code\}/);
    expect(fieldError(page, "whatsapp.templates.code")).toMatch(/WhatsApp Manager/);
    expect(fieldError(page, "lockout.maxFailures")).toBeUndefined();

    expect(summary(page)?.props.title).toBe("Some settings need fixing");
    const box = summaryText(page);
    expect(box).toContain("Limits: Wrong entries allowed per code: Use a whole number");
    expect(box).toContain("Limits: Default country for phone numbers:");
    expect(box).toContain("E-mail: Subject: Enter the subject.");
    expect(box).toContain("E-mail: Text above the code:");
    expect(box).toContain("WhatsApp: Code template:");
    // In the page's order.
    expect(box.indexOf("Limits:")).toBeLessThan(box.indexOf("E-mail:"));
    expect(box.indexOf("E-mail:")).toBeLessThan(box.indexOf("WhatsApp:"));
    expect(page.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: "danger",
      title: "Settings not saved",
      message: "5 settings need fixing: see the messages next to the fields.",
    });
    expect(formStatus(page)).toBe("Unsaved changes"); // nothing was saved

    // Fixing a field takes its message away; the others stay until the next save.
    change(page, "maxAttempts", 4);
    await page.waitFor(() => expect(fieldError(page, "maxAttempts")).toBeUndefined(), WAIT);
    expect(fieldError(page, "defaultCountry")).toBeDefined();
    expect(summaryText(page)).not.toContain("Wrong entries allowed per code");
  });

  it("keeps the changes when the server cannot be reached, and saves on the next try", async () => {
    const page = await openSettingsPage(world);
    change(page, "maxAttempts", 7);
    await page.waitFor(() => expect(formStatus(page)).toBe("Unsaved changes"), WAIT);
    world.offline = true;
    clickSave(page);
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Alert, "save-failure")).not.toBeNull(),
      WAIT,
    );
    expect(textOf(page.findByTestId(Alert, "save-failure"))).toMatch(
      /could not be reached.*still here/,
    );
    expect(page.mocks.actions.addAlert.calls.at(-1)?.[0]).toMatchObject({ type: "danger" });
    expect(shown(page, "maxAttempts")).toBe(7);

    world.offline = false;
    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(page.maybeFindByTestId(Alert, "save-failure")).toBeNull();
    expect(puts().at(-1)?.body?.["maxAttempts"]).toBe(7);
  });

  it("discards the changes back to the saved settings", async () => {
    const page = await openSettingsPage(world);
    change(page, "code.length", 8);
    change(page, "email.template.greeting", "Hi,");
    await page.waitFor(() => expect(formStatus(page)).toBe("Unsaved changes"), WAIT);
    page.findByTestId(Button, "discard-changes").trigger("onClick");
    await page.waitFor(() => expect(shown(page, "code.length")).toBe(6), WAIT);
    expect(shown(page, "email.template.greeting")).toBe("Hello,");
    expect(formStatus(page)).toBe("Not saved yet: the defaults apply");
  });

  it("asks for the opt-in a weak code needs, at the code length", async () => {
    const page = await openSettingsPage(world);
    change(page, "code.length", 4);
    await page.waitFor(() => expect(shown(page, "code.length")).toBe(4), WAIT);
    clickSave(page);
    await page.waitFor(
      () => expect(fieldError(page, "code.length")).toMatch(/too easy to guess/),
      WAIT,
    );
    change(page, "code.allowWeak", true);
    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(puts().at(-1)?.body?.["code"]).toEqual({ type: "numeric", length: 4, allowWeak: true });
  });
});

describe("saved settings that no longer validate", () => {
  it("are shown as saved, with their errors, until fixed and saved", async () => {
    await world.saveRaw(
      JSON.stringify({ ...defaultSettings(), expiryMinutes: 30, maxAttempts: 99 }),
    );
    const page = await openSettingsPage(world);
    expect(shown(page, "expiryMinutes")).toBe(30);
    expect(shown(page, "maxAttempts")).toBe(99);
    expect(fieldError(page, "maxAttempts")).toBe("Use a whole number from 1 to 20.");
    expect(summary(page)?.props.title).toBe("The saved settings need fixing");
    expect(summaryText(page)).toMatch(/cannot make codes for this portal/);
    expect(summaryText(page)).toContain("Code: Code expires after:");
    expect(formStatus(page)).toBe("Saved settings need fixing");
    expect(page.findByTestId(LoadingButton, "save-settings").props.disabled).toBe(false);

    expect(fieldError(page, "expiryMinutes")).toMatch(/within 10 minutes/);

    change(page, "maxAttempts", 5);
    clickSave(page);
    await page.waitFor(
      () => expect(summary(page)?.props.title).toBe("Some settings need fixing"),
      WAIT,
    );
    expect(fieldError(page, "expiryMinutes")).toMatch(/within 10 minutes/);
    expect(fieldError(page, "maxAttempts")).toBeUndefined();
    change(page, "allowLongExpiry", true);
    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(summary(page)).toBeNull();
  });

  it("are replaced by the defaults when unreadable, saying so", async () => {
    await world.saveRaw("{ this is not JSON");
    const page = await openSettingsPage(world);
    expect(summaryText(page)).toContain(
      "Settings: The saved settings were unreadable; these are the defaults. Save to fix.",
    );
    expect(shown(page, "maxAttempts")).toBe(3);
    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(puts()[0]?.body).toEqual(defaultSettings());
    expect(summary(page)).toBeNull();
  });
});
