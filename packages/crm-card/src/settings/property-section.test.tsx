// The property picker against the real settings API and the fake HubSpot's contact properties.
import { Alert, Button, Text } from "@hubspot/ui-extensions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SettingsWorld } from "./settings-fixtures.js";
import { PORTAL, startSettingsWorld } from "./settings-fixtures.js";
import type { SettingsRenderer } from "./settings-harness.js";
import {
  change,
  clickSave,
  fieldError,
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

const PICKER = "propertyStorage.property";
const options = (page: SettingsRenderer) =>
  propOf(page, PICKER, "options") as { value: string; label: string }[];
const offered = (page: SettingsRenderer) => options(page).map((o) => o.value);
const listed = (page: SettingsRenderer) =>
  page.waitFor(
    () => expect(page.maybeFindByTestId(Text, "properties-read-at")).not.toBeNull(),
    WAIT,
  );

describe("the property picker", () => {
  it("offers the app's own property before it exists, then the portal's text and phone properties", async () => {
    const page = await openSettingsPage(world);
    await listed(page);
    expect(options(page)[0]).toEqual({
      value: "otpkit_code",
      label: "OTP code (temporary copy) (otpkit_code), created when you save",
    });
    expect(offered(page)).toEqual(
      expect.arrayContaining(["phone", "mobilephone", "email", "firstname"]),
    );
    expect(offered(page)).not.toContain("createdate"); // a date: not writable text
    expect(offered(page)).not.toContain("hs_object_id");
    expect(shown(page, PICKER)).toBe("otpkit_code");
  });

  it("creates the app's property when saved with it, and lists it as the app's own after a sync", async () => {
    const page = await openSettingsPage(world);
    await listed(page);
    change(page, "propertyStorage.enabled", true);
    await page.waitFor(() => expect(shown(page, "propertyStorage.enabled")).toBe(true), WAIT);
    clickSave(page);
    await page.waitFor(() => expect(page.mocks.actions.addAlert.callCount).toBe(1), WAIT);
    expect(page.mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: "success" });
    expect(world.fake.portal(PORTAL).property("otpkit_code")).toMatchObject({ type: "string" });

    page.findByTestId(Button, "sync-properties").trigger("onClick");
    await page.waitFor(() => expect(options(page)[0]?.label).toMatch(/the app's own$/), WAIT);
    expect(offered(page).filter((v) => v === "otpkit_code")).toHaveLength(1);
  });

  it("syncs: asks HubSpot again past the server's cache and offers a property created since", async () => {
    const page = await openSettingsPage(world);
    await listed(page);
    await world.addContactProperty("loyalty_code", "Loyalty code");
    expect(offered(page)).not.toContain("loyalty_code");

    page.findByTestId(Button, "sync-properties").trigger("onClick");
    await page.waitFor(() => expect(offered(page)).toContain("loyalty_code"), WAIT);
    expect(world.calls.map((c) => c.path)).toContain("/hubspot/settings/properties?refresh=1");
    expect(options(page).find((o) => o.value === "loyalty_code")?.label).toBe(
      "Loyalty code (loyalty_code)",
    );

    change(page, "propertyStorage.enabled", true);
    change(page, PICKER, "loyalty_code");
    clickSave(page);
    await page.waitFor(() => expect(page.mocks.actions.addAlert.callCount).toBe(1), WAIT);
    expect(world.calls.at(-1)?.body?.["propertyStorage"]).toEqual({
      enabled: true,
      property: "loyalty_code",
    });
  });

  it("shows the server's refusal of a property the portal does not have next to the picker", async () => {
    await world.saveRaw(
      JSON.stringify({ propertyStorage: { enabled: false, property: "retired_code" } }),
    );
    const page = await openSettingsPage(world);
    await listed(page);
    // The saved choice stays visible, marked, though HubSpot no longer lists it.
    expect(shown(page, PICKER)).toBe("retired_code");
    expect(options(page).at(-1)?.label).toMatch(/not in HubSpot's list/);

    change(page, "propertyStorage.enabled", true);
    clickSave(page);
    await page.waitFor(
      () => expect(fieldError(page, PICKER)).toMatch(/Sync properties and choose one/),
      WAIT,
    );
    expect(textOf(page.findByTestId(Alert, "error-summary"))).toContain(
      "CRM property: Contact property:",
    );
  });

  it("says when the list cannot be read, keeps the choice, and recovers on sync", async () => {
    world.unreachable.add("/hubspot/settings/properties");
    const page = await openSettingsPage(world);
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Alert, "properties-error")).not.toBeNull(),
      WAIT,
    );
    expect(textOf(page.findByTestId(Alert, "properties-error"))).toMatch(/could not be reached/);
    expect(offered(page)).toEqual(["otpkit_code"]);
    expect(shown(page, PICKER)).toBe("otpkit_code");

    world.unreachable.clear();
    page.findByTestId(Button, "sync-properties").trigger("onClick");
    await listed(page);
    expect(page.maybeFindByTestId(Alert, "properties-error")).toBeNull();
    expect(offered(page)).toContain("phone");
  });

  it("warns that with fingerprint-only storage the property is the code's only plain copy", async () => {
    const page = await openSettingsPage(world);
    expect(page.maybeFindByTestId(Text, "property-plaintext-note")).toBeNull();
    change(page, "propertyStorage.enabled", true);
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Text, "property-plaintext-note")).not.toBeNull(),
      WAIT,
    );
    change(page, "storage", "encrypted");
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Text, "property-plaintext-note")).toBeNull(),
      WAIT,
    );
  });
});
