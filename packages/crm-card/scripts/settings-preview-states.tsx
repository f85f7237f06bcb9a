// The settings page states the README pictures, each rendered with the official test renderer
// against the same settings world its tests use (the adapter's settings API, a fake HubSpot).
import { Alert, Flex, Tag, Text } from "@hubspot/ui-extensions";
import { DEFAULT_PORTAL_SETTINGS } from "@otpkit/hubspot-adapter";
import { FIXTURE_NOW } from "../src/card/card-fixtures.js";
import type { SettingsWorld } from "../src/settings/settings-fixtures.js";
import { startSettingsWorld } from "../src/settings/settings-fixtures.js";
import type { SettingsRenderer } from "../src/settings/settings-harness.js";
import { change, clickSave, openSettingsPage, WAIT } from "../src/settings/settings-harness.js";

/** One picture of the settings page. */
export interface SettingsPreviewState {
  /** `docs/previews/<name>.html` and `.png`. */
  name: string;
  title: string;
  /** The test id of the one group (`Tile`) to picture; the whole page without it. */
  part?: string;
  /** Renders the page in its state; `close()` stops the world behind it. */
  mount(): Promise<{ renderer: SettingsRenderer; close(): Promise<void> }>;
}

function assert(condition: boolean): void {
  if (!condition) throw new Error("not yet");
}

/** Waits until the preview shows a mail (or its errors) and the property list is read. */
async function settled(page: SettingsRenderer): Promise<void> {
  await page.waitFor(() => {
    assert(
      page.maybeFindByTestId(Flex, "preview-text") !== null ||
        page.maybeFindByTestId(Alert, "preview-error") !== null,
    );
    assert(page.maybeFindByTestId(Text, "properties-read-at") !== null);
  }, WAIT);
}

async function mounted(
  prepare: (world: SettingsWorld) => Promise<void>,
  act: (page: SettingsRenderer) => Promise<void>,
) {
  // The card pictures' clock, so "Properties as of …" is the same on every run.
  const world = await startSettingsWorld({ now: FIXTURE_NOW });
  try {
    await prepare(world);
    const renderer = await openSettingsPage(world, { timeZone: "America/New_York" });
    await act(renderer);
    await settled(renderer);
    return { renderer, close: () => world.close() };
  } catch (error) {
    await world.close();
    throw error;
  }
}

/**
 * The pictured states, in README order.
 *
 * @example
 * ```ts
 * for (const state of SETTINGS_PREVIEW_STATES) await settingsPreviewHtml(state);
 * ```
 */
export const SETTINGS_PREVIEW_STATES: readonly SettingsPreviewState[] = [
  {
    name: "settings",
    title: "Saved settings, with the e-mail preview",
    mount: () =>
      mounted(
        async (world) => {
          // As after a first save with property storage on: the server created the property.
          await world.addContactProperty("otpkit_code", "OTP code (temporary copy)");
          await world.saveRaw(
            JSON.stringify({
              ...DEFAULT_PORTAL_SETTINGS,
              storage: "encrypted",
              email: {
                enabled: true,
                template: {
                  ...DEFAULT_PORTAL_SETTINGS.email.template,
                  subject: "Your Acme verification code",
                  greeting: "Hello from Acme,",
                },
              },
              propertyStorage: { enabled: true, property: "otpkit_code" },
            }),
          );
        },
        async () => {},
      ),
  },
  {
    name: "settings-errors",
    title: "A save the server refused",
    mount: () =>
      mounted(
        async () => {},
        async (page) => {
          change(page, "maxAttempts", 0);
          change(page, "email.template.subject", "");
          change(page, "email.template.body", "Hi {first_name}, your code:");
          change(page, "whatsapp.templates.code", "Acme Code!");
          clickSave(page);
          await page.waitFor(
            () => assert(page.maybeFindByTestId(Alert, "error-summary") !== null),
            WAIT,
          );
        },
      ),
  },
  {
    name: "settings-languages",
    title: "Texts by language: Arabic, right to left",
    part: "group-languages",
    mount: () =>
      mounted(
        async (world) => {
          await world.saveRaw(
            JSON.stringify({
              ...DEFAULT_PORTAL_SETTINGS,
              email: {
                ...DEFAULT_PORTAL_SETTINGS.email,
                enabled: true,
                translations: {
                  de: { subject: "Ihr Acme-Bestätigungscode" },
                  ar: { subject: "رمز التحقق من Acme", greeting: "أهلًا بك،" },
                },
              },
            }),
          );
        },
        async (page) => {
          page.findByTestId(Tag, "translation-tag-ar").trigger("onClick");
          await page.waitFor(() => {
            for (const prefix of ["language-", "builtin-"]) {
              assert(page.maybeFindByTestId(Flex, `${prefix}preview-text`) !== null);
            }
          }, WAIT);
        },
      ),
  },
];
