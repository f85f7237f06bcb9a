// The settings page's tests drive it like an admin: open it against a settings world, find a
// setting's input by its path, change it, save. Not part of the package's exports.
import type { UnknownComponentProps } from "@hubspot/ui-extensions";
import {
  Checkbox,
  Input,
  LoadingButton,
  NumberInput,
  Select,
  Tag,
  TextArea,
  Toggle,
  ToggleGroup,
} from "@hubspot/ui-extensions";
import type { RenderedElementNode, Renderer } from "@hubspot/ui-extensions/testing";
import { createRenderer } from "@hubspot/ui-extensions/testing";
import { DEFAULT_PORTAL_SETTINGS } from "@otpkit/hubspot-adapter";
import type { ComponentType } from "react";
import { expect } from "vitest";
import type { PortalSettings } from "../wire.js";
import { fieldTestId } from "./fields.js";
import type { SettingsWorld } from "./settings-fixtures.js";
import { SettingsPage } from "./settings-page.js";

/** The test renderer of the settings location. */
export type SettingsRenderer = Renderer<"settings">;
type Queryable = Pick<SettingsRenderer, "maybeFind">;
type AnyField = RenderedElementNode<UnknownComponentProps>;

const FIELD_KINDS = [Input, TextArea, NumberInput, Select, Toggle, Checkbox, ToggleGroup].map(
  (c) => c as unknown as ComponentType<UnknownComponentProps>,
);

/**
 * Waits this long for the server's answers (in-process, but through signing and rendering).
 *
 * @example
 * ```ts
 * await page.waitFor(() => expect(shown(page, "maxAttempts")).toBe(3), WAIT);
 * ```
 */
export const WAIT = { timeoutInMs: 5000 };

/**
 * Renders the page against the world and waits until the settings are on screen.
 *
 * @param world The settings server.
 * @param options `previewDelayMs`: the preview's pause (default 0: every edit previews once React
 *   settles); `timeZone`: the portal's (default UTC).
 * @returns The renderer.
 * @throws When the page does not load within {@link WAIT}.
 * @example
 * ```tsx
 * const page = await openSettingsPage(world);
 * ```
 */
export async function openSettingsPage(
  world: SettingsWorld,
  options: { previewDelayMs?: number; timeZone?: string } = {},
): Promise<SettingsRenderer> {
  const renderer = createRenderer("settings");
  renderer.render(
    <SettingsPage
      api={world.api}
      actions={renderer.mocks.actions}
      timeZone={options.timeZone ?? "UTC"}
      locale="en-US"
      previewDelayMs={options.previewDelayMs ?? 0}
    />,
  );
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(LoadingButton, "save-settings")).not.toBeNull();
  }, WAIT);
  return renderer;
}

/**
 * The input of a setting, by its dotted path (whatever kind of input it is).
 *
 * @throws When the page shows no input for the path.
 * @example
 * ```ts
 * field(page, "code.length").props["value"]; // 6
 * ```
 */
export function field(within: Queryable, path: string): AnyField {
  for (const kind of FIELD_KINDS) {
    const node = within.maybeFind(kind, { testId: fieldTestId(path) });
    if (node !== null) return node;
  }
  throw new Error(`no input for ${path} on the page`);
}

/**
 * Whether the page (or a part of it) shows an input for the path.
 *
 * @throws Never.
 * @example
 * ```ts
 * hasField(page.findByTestId(Tile, "group-code"), "storage"); // true
 * ```
 */
export function hasField(within: Queryable, path: string): boolean {
  return FIELD_KINDS.some((kind) => within.maybeFind(kind, { testId: fieldTestId(path) }) !== null);
}

/**
 * Changes a setting as the admin would: the value its input commits (`onChange`).
 *
 * @throws When the page shows no input for the path.
 * @example
 * ```ts
 * change(page, "maxAttempts", 5);
 * ```
 */
export function change(page: SettingsRenderer, path: string, value: unknown): void {
  field(page, path).trigger("onChange", value as never);
}

/**
 * Types into a text setting without leaving it (`onInput`, each keystroke's value).
 *
 * @throws When the page shows no text input for the path.
 * @example
 * ```ts
 * type(page, "email.template.subject", "Your Acme code");
 * ```
 */
export function type(page: SettingsRenderer, path: string, text: string): void {
  field(page, path).trigger("onInput", text as never);
}

/**
 * A prop of a setting's input (`options`, `readOnly` …).
 *
 * @throws When the page shows no input for the path.
 * @example
 * ```ts
 * propOf(page, "code.type", "options");
 * ```
 */
export function propOf(page: SettingsRenderer, path: string, name: string): unknown {
  return (field(page, path).props as Record<string, unknown>)[name];
}

/**
 * A setting's value on screen: `value`, or `checked` for switches and checkboxes.
 *
 * @throws When the page shows no input for the path.
 * @example
 * ```ts
 * shown(page, "email.enabled"); // false
 * ```
 */
export function shown(page: SettingsRenderer, path: string): unknown {
  const props = field(page, path).props as Record<string, unknown>;
  return "checked" in props ? props["checked"] : props["value"];
}

/**
 * A setting's error on screen (`validationMessage` with `error`), or undefined.
 *
 * @throws When the page shows no input for the path.
 * @example
 * ```ts
 * fieldError(page, "maxAttempts"); // "Use a whole number from 1 to 20."
 * ```
 */
export function fieldError(page: SettingsRenderer, path: string): string | undefined {
  const props = field(page, path).props as Record<string, unknown>;
  return props["error"] === true ? String(props["validationMessage"]) : undefined;
}

/**
 * All the text inside a node, its descendants' included (a node's own `text` holds only its
 * direct text), pieces joined as they render.
 *
 * @throws Never.
 * @example
 * ```ts
 * textOf(page.findByTestId(Alert, "error-summary")); // "Nothing was saved. … Limits: …"
 * ```
 */
export function textOf(node: { childNodes?: readonly unknown[] } | null): string {
  if (node === null) return "";
  let out = "";
  for (const child of node.childNodes ?? []) {
    const c = child as { nodeType: string; text?: string | null; childNodes?: readonly unknown[] };
    out += c.nodeType === "text" ? (c.text ?? "") : textOf(c);
  }
  return out;
}

/**
 * Clicks Save settings.
 *
 * @throws When the page shows no Save button (still loading, or failed to load).
 * @example
 * ```ts
 * clickSave(page);
 * ```
 */
export function clickSave(page: SettingsRenderer): void {
  page.findByTestId(LoadingButton, "save-settings").trigger("onClick");
}

/** The form's status tag as the admin reads it ("Saved", "Not saved yet", …). */
export function formStatus(page: SettingsRenderer): string | null {
  return page.findByTestId(Tag, "form-status").text;
}

/** A fresh deep copy of the default settings, for a test to change. */
export function defaultSettings(): PortalSettings {
  return JSON.parse(JSON.stringify(DEFAULT_PORTAL_SETTINGS));
}
