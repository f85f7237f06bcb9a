import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { settingsPreviewHtml } from "../scripts/settings-preview-html.js";
import { SETTINGS_PREVIEW_STATES } from "../scripts/settings-preview-states.js";
import { SUPPORTED_COMPONENTS } from "../scripts/tree-to-html.js";

const SETTINGS_DIR = fileURLToPath(new URL("../src/settings/", import.meta.url));

/** The components the settings page's sources import from @hubspot/ui-extensions. */
function importedComponents(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(SETTINGS_DIR)) {
    if (!file.endsWith(".tsx") || file.endsWith(".test.tsx") || file.includes("harness")) continue;
    const source = readFileSync(`${SETTINGS_DIR}${file}`, "utf8");
    for (const match of source.matchAll(/import \{([^}]*)\} from "@hubspot\/ui-extensions";/g)) {
      for (const name of (match[1] ?? "").split(",").map((n) => n.trim())) {
        if (/^[A-Z]/.test(name)) names.add(name);
      }
    }
  }
  return names;
}

describe("the settings page's pictures", () => {
  it("can draw every component the settings page's sources import", () => {
    const imported = importedComponents();
    expect(imported.size).toBeGreaterThan(15);
    expect([...imported].filter((name) => !SUPPORTED_COMPONENTS.has(name))).toEqual([]);
  });

  it("picture each state with its key text", async () => {
    const expected: Record<string, string[]> = {
      settings: [
        "Your Acme verification code",
        "Hello from Acme,",
        "This code will expire in 10 minutes.",
        "the app&#39;s own",
        "Properties as of Dec 1, 2026, 9:30",
        "All changes saved",
      ],
      "settings-errors": [
        "Some settings need fixing",
        '<p class="field-message">Use a whole number from 1 to 20.</p>',
        "field field-error",
        "The preview cannot be shown",
        "Unsaved changes",
      ],
      "settings-languages": [
        "Texts by language",
        '<span class="tag tag-default">German (Deutsch)</span>',
        "Arabic (العربية) · your texts",
        "is written right to left",
        "Preview in Arabic, with your texts",
        "\u2067رمز التحقق من Acme\u2069",
        "otpkit&#39;s built-in Arabic e-mail, for comparison",
        '<span class="placeholder">Empty: otpkit&#39;s Arabic text</span>',
        "align-end",
      ],
    };
    expect(SETTINGS_PREVIEW_STATES.map((s) => s.name)).toEqual(Object.keys(expected));
    for (const state of SETTINGS_PREVIEW_STATES) {
      const html = await settingsPreviewHtml(state);
      for (const text of expected[state.name] ?? []) expect(html, state.name).toContain(text);
    }
  });
});
