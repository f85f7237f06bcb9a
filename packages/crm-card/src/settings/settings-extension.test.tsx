// The entry's component: the API from BACKEND_URL, or a clear error on the page.
import { ErrorState, LoadingButton, Text } from "@hubspot/ui-extensions";
import { createRenderer } from "@hubspot/ui-extensions/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SettingsExtension } from "./settings-extension.js";
import type { SettingsWorld } from "./settings-fixtures.js";
import { ORIGIN, startSettingsWorld } from "./settings-fixtures.js";
import { shown, textOf, WAIT } from "./settings-harness.js";

let world: SettingsWorld;
beforeEach(async () => {
  world = await startSettingsWorld();
});
afterEach(async () => {
  await world.close();
});

describe("the settings extension", () => {
  it("loads the page from the server BACKEND_URL names", async () => {
    const page = createRenderer("settings");
    page.mocks.context.variables = { BACKEND_URL: ORIGIN };
    page.render(
      <SettingsExtension
        context={page.mocks.context}
        actions={page.mocks.actions}
        fetch={world.fetch}
        previewDelayMs={0}
      />,
    );
    await page.waitFor(
      () => expect(page.maybeFindByTestId(LoadingButton, "save-settings")).not.toBeNull(),
      WAIT,
    );
    expect(shown(page, "maxAttempts")).toBe(3);
    expect(world.calls[0]).toEqual({ method: "GET", path: "/hubspot/settings" });
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Text, "properties-read-at")).not.toBeNull(),
      WAIT,
    );
  });

  it.each([
    [undefined, "it is not set"],
    ["", 'it is ""'],
    ["otp.example.com", 'it is "otp.example.com"'],
  ])("names BACKEND_URL and the fix when it is %j", (value, got) => {
    const page = createRenderer("settings");
    page.mocks.context.variables = value === undefined ? {} : { BACKEND_URL: value };
    page.render(
      <SettingsExtension
        context={page.mocks.context}
        actions={page.mocks.actions}
        fetch={world.fetch}
      />,
    );
    const error = page.findByTestId(ErrorState, "backend-url-error");
    expect(error.props.title).toBe("The settings page does not know its server");
    expect(textOf(error)).toContain(`BACKEND_URL must be the otpkit server's address`);
    expect(textOf(error)).toContain(got);
    expect(textOf(error)).toContain("hsprofile.<name>.json");
    expect(world.calls).toEqual([]);
  });
});
