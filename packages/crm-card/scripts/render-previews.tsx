// Writes docs/previews/<state>.html and a screenshot <state>.png for every state of the card and
// the pictured states of the settings page: `pnpm --filter @otpkit/crm-card previews`. Needs a
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium); not part of `pnpm test` (the HTML
// conversion is, in test/).
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { previewHtml } from "./preview-html.js";
import { PREVIEW_CSS } from "./preview-page.js";
import { PREVIEW_STATES } from "./preview-states.js";
import { SETTINGS_CSS, settingsPreviewHtml } from "./settings-preview-html.js";
import { SETTINGS_PREVIEW_STATES } from "./settings-preview-states.js";

const OUT_DIR = fileURLToPath(new URL("../docs/previews/", import.meta.url));
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  await mkdir(OUT_DIR, { recursive: true });
  // One stylesheet for every page (linked, not inlined: the pages differ only in their markup).
  await writeFile(`${OUT_DIR}preview.css`, PREVIEW_CSS.trimStart());
  await writeFile(`${OUT_DIR}settings.css`, SETTINGS_CSS.trimStart());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({
      viewport: { width: 800, height: 600 },
      deviceScaleFactor: 2,
    });
    for (const state of PREVIEW_STATES) {
      const html = await previewHtml(state);
      await writeFile(`${OUT_DIR}${state.name}.html`, html);
      await page.goto(pathToFileURL(`${OUT_DIR}${state.name}.html`).href);
      await page.locator("#preview").screenshot({ path: `${OUT_DIR}${state.name}.png` });
      console.log(`docs/previews/${state.name}.png`);
    }
    for (const state of SETTINGS_PREVIEW_STATES) {
      const html = await settingsPreviewHtml(state);
      await writeFile(`${OUT_DIR}${state.name}.html`, html);
      await page.goto(pathToFileURL(`${OUT_DIR}${state.name}.html`).href);
      await page.locator("#preview").screenshot({ path: `${OUT_DIR}${state.name}.png` });
      console.log(`docs/previews/${state.name}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
