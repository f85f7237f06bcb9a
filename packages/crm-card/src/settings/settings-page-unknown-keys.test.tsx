// The settings page and keys the settings API does not know (a save naming one is refused with
// 400): the page only ever sends the settings' own keys, also when the saved settings hold one
// that another version wrote, so it keeps saving.
import { Alert } from "@hubspot/ui-extensions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PortalSettings } from "../wire.js";
import type { SettingsWorld } from "./settings-fixtures.js";
import { startSettingsWorld } from "./settings-fixtures.js";
import {
  change,
  clickSave,
  defaultSettings,
  fieldError,
  formStatus,
  openSettingsPage,
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
// Another version's keys, at the top and inside two groups.
const stale = (settings: PortalSettings) => ({
  ...settings,
  theme: "dark",
  code: { ...settings.code, checksum: true },
  email: { ...settings.email, template: { ...settings.email.template, preheader: "Hi" } },
});

describe("saved settings holding keys the server does not know", () => {
  it("save without them", async () => {
    await world.saveRaw(JSON.stringify(stale(defaultSettings())));
    const page = await openSettingsPage(world);
    expect(formStatus(page)).toBe("All changes saved");
    change(page, "maxAttempts", 4);
    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    const expected = defaultSettings();
    expected.maxAttempts = 4;
    expect(puts().map((c) => c.body)).toEqual([expected]);
  });

  it("that no longer validate save once fixed, with no error the admin cannot fix", async () => {
    await world.saveRaw(JSON.stringify({ ...stale(defaultSettings()), maxAttempts: 99 }));
    const page = await openSettingsPage(world);
    expect(fieldError(page, "maxAttempts")).toBe("Use a whole number from 1 to 20.");
    change(page, "maxAttempts", 5);
    clickSave(page);
    await page.waitFor(() => expect(formStatus(page)).toBe("All changes saved"), WAIT);
    expect(page.maybeFindByTestId(Alert, "error-summary")).toBeNull();
    expect(puts()).toHaveLength(1);
    const sent = puts()[0]?.body ?? {};
    expect(sent).not.toHaveProperty("theme");
    expect(sent["code"]).not.toHaveProperty("checksum");
  });
});
