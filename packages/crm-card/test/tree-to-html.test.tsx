import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Flex, Text } from "@hubspot/ui-extensions";
import type { RenderedNode } from "@hubspot/ui-extensions/testing";
import {
  createRenderer,
  isRenderedElementNode,
  isRenderedTextNode,
} from "@hubspot/ui-extensions/testing";
import { describe, expect, it } from "vitest";
import { previewHtml } from "../scripts/preview-html.js";
import { PREVIEW_STATES } from "../scripts/preview-states.js";
import { escapeHtml, SUPPORTED_COMPONENTS, treeToHtml } from "../scripts/tree-to-html.js";

const CARD_DIR = fileURLToPath(new URL("../src/card/", import.meta.url));

/** Every component name in a tree, overlays included. */
function componentNames(node: RenderedNode, into = new Set<string>()): Set<string> {
  if (isRenderedTextNode(node)) return into;
  if (isRenderedElementNode(node)) {
    into.add(node.name);
    for (const value of Object.values(node.props)) {
      if (value !== null && typeof value === "object" && "childNodes" in value) {
        componentNames(value as RenderedNode, into);
      }
    }
  }
  for (const child of node.childNodes) componentNames(child, into);
  return into;
}

/** The components the card's sources import from @hubspot/ui-extensions (capitalised names). */
function importedComponents(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(CARD_DIR)) {
    if (!file.endsWith(".tsx") || file.endsWith(".test.tsx")) continue;
    const source = readFileSync(`${CARD_DIR}${file}`, "utf8");
    for (const match of source.matchAll(/import \{([^}]*)\} from "@hubspot\/ui-extensions";/g)) {
      for (const name of (match[1] ?? "").split(",").map((n) => n.trim())) {
        if (/^[A-Z]/.test(name)) names.add(name);
      }
    }
  }
  return names;
}

describe("the preview HTML", () => {
  it("draws every component the card's sources import", () => {
    const imported = importedComponents();
    expect(imported.size).toBeGreaterThan(10);
    expect([...imported].filter((name) => !SUPPORTED_COMPONENTS.has(name))).toEqual([]);
  });

  it("draws every component every pictured state renders, overlays included", async () => {
    const rendered = new Set<string>();
    for (const state of PREVIEW_STATES) {
      const { renderer } = await state.mount();
      componentNames(renderer.getRootNode(), rendered);
    }
    expect([...rendered].filter((name) => !SUPPORTED_COMPONENTS.has(name))).toEqual([]);
    // The states between them show the whole card: every component it imports appears.
    expect([...importedComponents()].filter((name) => !rendered.has(name))).toEqual([]);
  });

  it("refuses a component it cannot draw, naming it, rather than drawing nothing", () => {
    const { render, getRootNode } = createRenderer("crm.record.sidebar");
    render(
      <Flex>
        <Text>shown</Text>
      </Flex>,
    );
    expect(treeToHtml(getRootNode()).html).toBe(
      '<div class="flex dir-row gap-flush"><p class="text">shown</p></div>',
    );
    const tree = getRootNode();
    const flex = tree.childNodes[0];
    if (!isRenderedElementNode(flex)) throw new Error("expected an element");
    const unknown = { ...tree, childNodes: [{ ...flex, name: "Marquee" }] };
    expect(() => treeToHtml(unknown)).toThrow(
      "No HTML for the HubSpot component Marquee: add it to scripts/tree-to-html.ts",
    );
  });

  it("escapes text, so a contact's data cannot become markup", () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe(
      "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;",
    );
  });

  it("pictures each state with its key text, and the open confirmation where asked", async () => {
    const expected: Record<string, string[]> = {
      loading: ["Checking for an active code…"],
      "active-code": ["Active OTP", "482913", "Dec 1, 2026, 9:37 AM EST", "Resend Code"],
      "no-code": ["Generate OTP", "This contact has no active code."],
      generated: ["730155", "otp_code", "Regenerate Code"],
      "resend-confirm": ["Confirm &amp; Resend", "ana@example.com", "Cancel"],
      "recipient-changed": ["The e-mail address changed", "ana.garcia@example.org"],
      "hash-only": ["keeps only a fingerprint"],
      "property-empty": ["is empty", "Reload"],
      "locked-until": ["Contact locked", "9:45 AM EST"],
      "locked-admin": ["until an admin unlocks the contact"],
      throttled: ["Too soon for a new code"],
      "no-email": ["No e-mail address"],
      "send-failed": ["The code was not generated"],
      "not-found": ["Contact not found", "Try again"],
      "load-error": ["could not be reached", "Try again"],
      "setup-error": ["BACKEND_URL is not set"],
    };
    expect(PREVIEW_STATES.map((s) => s.name)).toEqual(Object.keys(expected));
    for (const state of PREVIEW_STATES) {
      const html = await previewHtml(state);
      for (const text of expected[state.name] ?? []) expect(html, state.name).toContain(text);
      const hasBackdrop = html.includes('<div class="backdrop">');
      expect(hasBackdrop, state.name).toBe(
        ["resend-confirm", "recipient-changed"].includes(state.name),
      );
    }
  });
});
