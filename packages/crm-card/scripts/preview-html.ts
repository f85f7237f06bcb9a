// One state's preview page: mount it, convert the tree, wrap it in the page.
import { previewPage } from "./preview-page.js";
import type { PreviewState } from "./preview-states.js";
import { treeToHtml } from "./tree-to-html.js";

/**
 * The HTML document picturing one state of the card.
 *
 * @param state The state (from `PREVIEW_STATES`).
 * @returns The document.
 * @throws {Error} When the state asks for its confirmation but the card holds none, or the tree
 *   has a component `treeToHtml` cannot draw.
 * @example
 * ```ts
 * const html = await previewHtml(PREVIEW_STATES[0]);
 * ```
 */
export async function previewHtml(state: PreviewState): Promise<string> {
  const { renderer, overlay } = await state.mount();
  const { html, overlays } = treeToHtml(renderer.getRootNode());
  if (overlay && overlays[0] === undefined) {
    throw new Error(`The ${state.name} preview asks for the confirmation, but no button holds one`);
  }
  return previewPage({
    title: state.title,
    card: html,
    overlay: overlay ? overlays[0] : undefined,
  });
}
