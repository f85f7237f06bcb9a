// One settings page state's preview: mounted, converted with the card's tree converter, framed as
// HubSpot's app settings tab.
import { Tile } from "@hubspot/ui-extensions";
import type { RenderedElementNode } from "@hubspot/ui-extensions/testing";
import type { SettingsPreviewState } from "./settings-preview-states.js";
import { escapeHtml, treeToHtml } from "./tree-to-html.js";

// The settings page's components (tree-to-html.ts draws them with these classes).
export const SETTINGS_CSS = `
.settings { width: 760px; background: #fff; border: 1px solid #dfe3eb; border-radius: 4px; }
.settings-title { padding: 14px 20px; border-bottom: 1px solid #dfe3eb; font-size: 18px; font-weight: 600; display: flex; justify-content: space-between; align-items: baseline; }
.settings-title small { font-size: 13px; font-weight: 400; color: #7c98b6; }
.settings-body { padding: 20px; }
.form { margin: 0; }
.tile { border: 1px solid #dfe3eb; border-radius: 4px; padding: 16px; background: #fff; }
.tile .tile { background: #f5f8fa; }
.tile .heading { font-size: 18px; letter-spacing: 0; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field-label { font-weight: 600; } .required { color: #f2545b; margin-left: 2px; }
.input { font: inherit; border: 1px solid #cbd6e2; border-radius: 3px; padding: 7px 10px; background: #f5f8fa; color: #33475b; width: 100%; min-height: 36px; }
.textarea { white-space: pre-wrap; min-height: 80px; } .input-number { width: 140px; }
.select { display: flex; justify-content: space-between; align-items: center; } .caret { color: #7c98b6; }
.placeholder { color: #7c98b6; }
.field-error .input { border-color: #f2545b; background: #fff; }
.field-message { margin: 0; font-size: 12px; color: #d94c53; font-weight: 600; }
.toggle { display: inline-flex; gap: 8px; align-items: center; font-weight: 600; }
.switch { font-size: 10px; font-weight: 700; padding: 2px 8px; border-radius: 10px; background: #cbd6e2; color: #fff; }
.switch.on { background: #00bda5; }
.checkbox-row { display: inline-flex; gap: 8px; align-items: center; }
.box { width: 16px; height: 16px; border: 1px solid #7c98b6; border-radius: 2px; display: inline-flex; align-items: center; justify-content: center; font-size: 12px; }
.box.on { background: #0091ae; border-color: #0091ae; color: #fff; }
.radio { display: flex; gap: 8px; align-items: flex-start; margin: 4px 0; }
.dot { width: 14px; height: 14px; border-radius: 50%; border: 1px solid #7c98b6; margin-top: 4px; flex: none; }
.dot.on { border: 4px solid #0091ae; }
.list > * { display: list-item; margin-left: 18px; }
.error-state { text-align: center; padding: 32px; } .error-state-title { font-size: 18px; font-weight: 600; margin: 0 0 8px; }
`;

/**
 * The HTML document picturing one state of the settings page.
 *
 * @param state The state (from `SETTINGS_PREVIEW_STATES`).
 * @returns The document.
 * @throws {Error} When the state cannot be reached, or the tree has a component the converter
 *   cannot draw.
 * @example
 * ```ts
 * const html = await settingsPreviewHtml(SETTINGS_PREVIEW_STATES[0]);
 * ```
 */
export async function settingsPreviewHtml(state: SettingsPreviewState): Promise<string> {
  const { renderer, close } = await state.mount();
  try {
    // A group alone: the Tile's own props type is narrower than the converter's any-component.
    const part = state.part === undefined ? undefined : renderer.findByTestId(Tile, state.part);
    const { html } = treeToHtml(
      part === undefined ? renderer.getRootNode() : (part as unknown as RenderedElementNode),
    );
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>otpkit settings: ${escapeHtml(state.title)}</title>
<link rel="stylesheet" href="preview.css">
<link rel="stylesheet" href="settings.css">
</head>
<body>
<div class="page" id="preview">
<div class="settings">
<div class="settings-title">otpkit settings <small>${escapeHtml(state.title)}</small></div>
<div class="settings-body">${html}</div>
</div>
</div>
</body>
</html>
`;
  } finally {
    await close();
  }
}
