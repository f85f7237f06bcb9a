// The settings page against the real settings API (adapter) and a fake HubSpot: loading (saved
// values, defaults, failures and retries) and every group with every field.
import {
  Alert,
  Button,
  ErrorState,
  Heading,
  LoadingButton,
  LoadingSpinner,
  Tile,
} from "@hubspot/ui-extensions";
import { createRenderer } from "@hubspot/ui-extensions/testing";
import {
  CODE_LENGTHS,
  CODE_TYPES,
  DEFAULT_PORTAL_SETTINGS,
  EXPIRY_MINUTES,
} from "@otpkit/hubspot-adapter";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOtpkitApi } from "../api.js";
import { SETTINGS_GROUPS } from "./settings-fields.js";
import type { SettingsWorld } from "./settings-fixtures.js";
import { ORIGIN, startSettingsWorld } from "./settings-fixtures.js";
import {
  defaultSettings,
  formStatus,
  hasField,
  openSettingsPage,
  propOf,
  shown,
  textOf,
  WAIT,
} from "./settings-harness.js";
import { SettingsPage } from "./settings-page.js";

let world: SettingsWorld;
beforeEach(async () => {
  world = await startSettingsWorld();
});
afterEach(async () => {
  await world.close();
});

describe("loading", () => {
  it("shows a spinner, then the defaults of a portal that never saved, as not saved yet", async () => {
    const release = world.hold("/hubspot/settings");
    const page = createRenderer("settings");
    page.render(<SettingsPage api={world.api} actions={page.mocks.actions} previewDelayMs={0} />);
    expect(page.find(LoadingSpinner).props.label).toBe("Loading the otpkit settings");
    release();
    await page.waitFor(
      () =>
        expect(page.maybeFind(LoadingSpinner, { label: "Loading the otpkit settings" })).toBeNull(),
      WAIT,
    );

    expect(shown(page, "code.type")).toBe("numeric");
    expect(shown(page, "code.length")).toBe(6);
    expect(shown(page, "code.allowWeak")).toBe(false);
    expect(shown(page, "expiryMinutes")).toBe(10);
    expect(shown(page, "allowLongExpiry")).toBe(false);
    expect(shown(page, "storage")).toBe("hash");
    expect(shown(page, "maxAttempts")).toBe(3);
    expect(shown(page, "lockout.maxFailures")).toBe(5);
    expect(shown(page, "lockout.durationMinutes")).toBe(15);
    expect(shown(page, "defaultCountry")).toBe("US");
    expect(shown(page, "email.enabled")).toBe(false);
    expect(shown(page, "email.template.subject")).toBe("Your Verification Code");
    expect(shown(page, "email.template.footer")).toContain("{expiry_minutes}");
    expect(shown(page, "whatsapp.templates.code")).toBe("");
    expect(shown(page, "propertyStorage.property")).toBe("otpkit_code");

    expect(page.findByTestId(Alert, "not-saved-yet").props.title).toBe("Not saved yet");
    expect(formStatus(page)).toBe("Not saved yet: the defaults apply");
    // The defaults can be saved as they are.
    expect(page.findByTestId(LoadingButton, "save-settings").props.disabled).toBe(false);
  });

  it("shows the saved settings, with nothing to save", async () => {
    await world.saveRaw(
      JSON.stringify({
        ...defaultSettings(),
        code: { type: "alphanumeric", length: 8, allowWeak: false },
        maxAttempts: 5,
        defaultCountry: "DE",
        email: { ...defaultSettings().email, enabled: true },
        whatsapp: { enabled: true, templates: { code: "acme_code" } },
        storage: "encrypted",
      }),
    );
    const page = await openSettingsPage(world);
    expect(shown(page, "code.type")).toBe("alphanumeric");
    expect(shown(page, "code.length")).toBe(8);
    expect(shown(page, "maxAttempts")).toBe(5);
    expect(shown(page, "defaultCountry")).toBe("DE");
    expect(shown(page, "email.enabled")).toBe(true);
    expect(shown(page, "whatsapp.enabled")).toBe(true);
    expect(shown(page, "whatsapp.templates.code")).toBe("acme_code");
    expect(shown(page, "storage")).toBe("encrypted");
    expect(page.maybeFindByTestId(Alert, "not-saved-yet")).toBeNull();
    expect(formStatus(page)).toBe("All changes saved");
    expect(page.findByTestId(LoadingButton, "save-settings").props.disabled).toBe(true);
  });

  it("says the server cannot be reached, and loads on retry", async () => {
    world.offline = true;
    const page = createRenderer("settings");
    page.render(<SettingsPage api={world.api} actions={page.mocks.actions} previewDelayMs={0} />);
    await page.waitFor(
      () => expect(page.maybeFindByTestId(ErrorState, "load-error")).not.toBeNull(),
      WAIT,
    );
    expect(page.findByTestId(ErrorState, "load-error").props.title).toBe(
      "The otpkit server could not be reached",
    );
    expect(textOf(page.findByTestId(ErrorState, "load-error"))).toMatch(/could not be reached/);

    world.offline = false;
    page.findByTestId(Button, "retry-load").trigger("onClick");
    await page.waitFor(() => expect(shown(page, "maxAttempts")).toBe(3), WAIT);
    expect(page.maybeFindByTestId(ErrorState, "load-error")).toBeNull();
  });

  it("says when the server refuses the page's signature, with a retry", async () => {
    const refused = createOtpkitApi(ORIGIN, async () =>
      Response.json(
        { error: { code: "SIGNATURE_INVALID", message: "No valid v3 signature" } },
        { status: 401 },
      ),
    );
    const page = createRenderer("settings");
    page.render(<SettingsPage api={refused} actions={page.mocks.actions} />);
    await page.waitFor(
      () => expect(page.maybeFindByTestId(ErrorState, "load-error")).not.toBeNull(),
      WAIT,
    );
    const error = page.findByTestId(ErrorState, "load-error");
    expect(error.props.type).toBe("lock");
    expect(error.props.title).toBe("The otpkit server did not accept this page");
    expect(textOf(error)).toContain("SIGNATURE_INVALID");
    expect(page.maybeFindByTestId(Button, "retry-load")).not.toBeNull();
  });
});

describe("the groups", () => {
  it("show every setting of the schema in its group", async () => {
    const page = await openSettingsPage(world);
    for (const group of SETTINGS_GROUPS) {
      const tile = page.findByTestId(Tile, `group-${group.id}`);
      expect(tile.find(Heading).text).toBe(group.title);
      for (const path of group.fields) expect(hasField(tile, path), path).toBe(true);
    }
    // Every leaf of the server's defaults is a field on the page (WhatsApp's optional names too).
    const leaves = (o: object, at = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v !== null ? leaves(v, `${at}${k}.`) : [`${at}${k}`],
      );
    for (const path of leaves(DEFAULT_PORTAL_SETTINGS))
      expect(hasField(page, path), path).toBe(true);
  });

  it("offer in their selects exactly the choices the server sent", async () => {
    const page = await openSettingsPage(world);
    const values = (path: string) =>
      (propOf(page, path, "options") as { value: unknown }[]).map((o) => o.value);
    expect(values("code.type")).toEqual([...CODE_TYPES]);
    expect(values("code.length")).toEqual([...CODE_LENGTHS]);
    expect(values("expiryMinutes")).toEqual([...EXPIRY_MINUTES]);
  });

  it("explain what each storage means for the contact card", async () => {
    const page = await openSettingsPage(world);
    const options = propOf(page, "storage", "options") as {
      value: string;
      description: string;
    }[];
    expect(options.map((o) => o.value)).toEqual(["hash", "encrypted"]);
    expect(options[0]?.description).toMatch(/shows a code once/);
    expect(options[1]?.description).toMatch(/can show the active code again/);
    expect(textOf(page.findByTestId(Tile, "group-email"))).toMatch(
      /Write \{expiry_minutes\} where/,
    );
  });
});
