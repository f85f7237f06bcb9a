// The test renderer's tree (HubSpot components, their props and text) as static HTML with
// HubSpot-like classes, for the README's pictures. Every component the card renders needs an entry
// here: an unknown one throws, so a new component can never silently vanish from a picture.
import type {
  RenderedElementNode,
  RenderedFragmentNode,
  RenderedNode,
  RenderedRootNode,
} from "@hubspot/ui-extensions/testing";
import { isRenderedElementNode, isRenderedTextNode } from "@hubspot/ui-extensions/testing";

type Props = Readonly<Record<string, unknown>>;
type ToHtml = (props: Props, children: string) => string;

/** Escapes text and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const cls = (...names: (string | false | undefined)[]) =>
  names.filter((n): n is string => typeof n === "string" && n !== "").join(" ");
const str = (value: unknown, fallback = "") => (typeof value === "string" ? value : fallback);
const SIZES: Readonly<Record<string, string>> = {
  "extra-small": "xs",
  small: "sm",
  medium: "md",
  large: "lg",
  "extra-large": "xl",
};
const size = (value: unknown) => {
  const given = str(value, "md");
  return SIZES[given] ?? given;
};

function button(props: Props, children: string, loading = false): string {
  const variant = str(props["variant"], "secondary");
  const spinner = loading ? '<span class="spin spin-xs"></span>' : "";
  return `<button type="button" class="${cls("btn", `btn-${variant}`, `btn-${size(props["size"])}`)}"${props["disabled"] === true ? " disabled" : ""}>${spinner}${children}</button>`;
}

// One entry per HubSpot component the card uses (names as the renderer reports them).
const COMPONENTS: Readonly<Record<string, ToHtml>> = {
  Flex: (p, c) =>
    `<div class="${cls("flex", `dir-${str(p["direction"], "row")}`, `gap-${size(p["gap"] ?? "flush")}`, p["wrap"] ? "wrap" : "", p["align"] ? `align-${str(p["align"])}` : "")}">${c}</div>`,
  Box: (_p, c) => `<div class="box">${c}</div>`,
  Text: (p, c) => {
    const format = (p["format"] ?? {}) as { fontWeight?: string; italic?: boolean };
    const tag = p["inline"] === true ? "span" : "p";
    return `<${tag} class="${cls("text", p["variant"] === "microcopy" && "microcopy", format.fontWeight && `fw-${format.fontWeight}`, format.italic && "italic")}">${c}</${tag}>`;
  },
  Heading: (_p, c) => `<h2 class="heading">${c}</h2>`,
  Button: (p, c) => button(p, c),
  LoadingButton: (p, c) => button(p, c, p["loading"] === true),
  Alert: (p, c) =>
    `<div class="${cls("alert", `alert-${str(p["variant"], "info")}`)}"><p class="alert-title">${escapeHtml(str(p["title"]))}</p>${c === "" ? "" : `<div class="alert-body">${c}</div>`}</div>`,
  DescriptionList: (p, c) =>
    `<dl class="${cls("dl", `dl-${str(p["direction"], "row")}`)}">${c}</dl>`,
  DescriptionListItem: (p, c) =>
    `<div class="dl-item"><dt>${escapeHtml(str(p["label"]))}</dt><dd>${c}</dd></div>`,
  Divider: () => '<hr class="divider">',
  Tag: (p, c) => `<span class="${cls("tag", `tag-${str(p["variant"], "default")}`)}">${c}</span>`,
  LoadingSpinner: (p) =>
    `<div class="spinner-row"><span class="spin"></span>${p["showLabel"] === true ? `<span class="spinner-label">${escapeHtml(str(p["label"]))}</span>` : ""}</div>`,
  Modal: (p, c) =>
    `<div class="modal"><div class="modal-header">${escapeHtml(str(p["title"]))}<span class="modal-close">×</span></div>${c}</div>`,
  ModalBody: (_p, c) => `<div class="modal-body">${c}</div>`,
  ModalFooter: (_p, c) => `<div class="modal-footer">${c}</div>`,
  // The settings page's (its styles: scripts/settings-preview-html.ts).
  Form: (_p, c) => `<form class="form">${c}</form>`,
  Tile: (_p, c) => `<section class="tile">${c}</section>`,
  List: (_p, c) => `<div class="list">${c}</div>`,
  ErrorState: (p, c) =>
    `<div class="error-state"><p class="error-state-title">${escapeHtml(str(p["title"]))}</p>${c}</div>`,
  // Controls are drawn, not live: divs and spans (a picture has nothing to label or submit).
  Input: (p) => field(p, `<div class="input">${valueOrPlaceholder(p)}</div>`),
  TextArea: (p) => field(p, `<div class="input textarea">${valueOrPlaceholder(p)}</div>`),
  NumberInput: (p) =>
    field(p, `<div class="input input-number">${escapeHtml(String(p["value"] ?? ""))}</div>`),
  Select: (p) => {
    const options = (p["options"] ?? []) as { label: string; value: unknown }[];
    const chosen = options.find((o) => o.value === p["value"]);
    const shown =
      chosen === undefined
        ? valueOrPlaceholder({ placeholder: p["placeholder"] })
        : escapeHtml(chosen.label);
    return field(p, `<div class="input select">${shown}<span class="caret">▾</span></div>`);
  },
  Toggle: (p) =>
    `<div class="toggle"><span class="${cls("switch", p["checked"] === true && "on")}">${p["checked"] === true ? "ON" : "OFF"}</span>${escapeHtml(str(p["label"]))}</div>`,
  Checkbox: (p, c) =>
    `<div class="checkbox"><div class="checkbox-row"><span class="${cls("box", p["checked"] === true && "on")}">${p["checked"] === true ? "✓" : ""}</span>${c}</div>${p["description"] ? `<p class="text microcopy">${escapeHtml(str(p["description"]))}</p>` : ""}</div>`,
  ToggleGroup: (p) => {
    const options = (p["options"] ?? []) as {
      label: string;
      value: string;
      description?: string;
    }[];
    const radios = options.map(
      (o) =>
        `<div class="radio"><span class="${cls("dot", o.value === p["value"] && "on")}"></span><span><span class="fw-bold">${escapeHtml(o.label)}</span>${o.description ? `<br><span class="microcopy">${escapeHtml(o.description)}</span>` : ""}</span></div>`,
    );
    return field(p, radios.join(""));
  },
};

/** An input's text, or its placeholder (greyed) when it is empty. */
function valueOrPlaceholder(props: Props): string {
  const value = str(props["value"]);
  const placeholder = str(props["placeholder"]);
  if (value !== "" || placeholder === "") return escapeHtml(value);
  return `<span class="placeholder">${escapeHtml(placeholder)}</span>`;
}

/** A labelled form field: label (with a required mark), description, control, message. */
function field(props: Props, control: string): string {
  const required = props["required"] === true ? '<span class="required">*</span>' : "";
  const description = str(props["description"]);
  const message = str(props["validationMessage"]);
  return `<div class="${cls("field", props["error"] === true && "field-error")}"><span class="field-label">${escapeHtml(str(props["label"]))}${required}</span>${description === "" ? "" : `<p class="text microcopy">${escapeHtml(description)}</p>`}${control}${message === "" ? "" : `<p class="field-message">${escapeHtml(message)}</p>`}</div>`;
}

/** The component names {@link treeToHtml} can draw. */
export const SUPPORTED_COMPONENTS: ReadonlySet<string> = new Set(Object.keys(COMPONENTS));

/** A tree as HTML, and the overlays (confirmations) its buttons hold. */
export interface TreeHtml {
  /** The card. */
  html: string;
  /** Each overlay's HTML (a `Modal`), in tree order. */
  overlays: string[];
}

/**
 * The rendered tree as HTML. Overlays (a `Button`'s `overlay` Modal) are not drawn in place,
 * as HubSpot does not either: they are returned apart, for a picture of the open confirmation.
 *
 * @param root `renderer.getRootNode()`, or one component of it (drawn with everything inside).
 * @returns The card's HTML and its overlays.
 * @throws {Error} For a component with no entry in {@link SUPPORTED_COMPONENTS}, naming it.
 * @example
 * ```ts
 * const { html, overlays } = treeToHtml(renderer.getRootNode());
 * ```
 */
export function treeToHtml(root: RenderedRootNode | RenderedElementNode): TreeHtml {
  const overlays: string[] = [];
  const html = isRenderedElementNode(root) ? toHtml(root, overlays) : children(root, overlays);
  return { html, overlays };
}

function children(
  node: RenderedRootNode | RenderedFragmentNode | RenderedElementNode,
  overlays: string[],
) {
  return node.childNodes.map((child) => toHtml(child, overlays)).join("");
}

function toHtml(node: RenderedNode, overlays: string[]): string {
  if (isRenderedTextNode(node)) return escapeHtml(node.text);
  if (!isRenderedElementNode(node)) return children(node, overlays);
  const draw = COMPONENTS[node.name];
  if (draw === undefined) {
    throw new Error(
      `No HTML for the HubSpot component ${node.name}: add it to scripts/tree-to-html.ts`,
    );
  }
  const overlay = node.props["overlay"] as RenderedFragmentNode | undefined;
  if (overlay !== undefined && overlay.childNodes.length > 0) {
    overlays.push(children(overlay, overlays));
  }
  return draw(node.props as Props, children(node, overlays));
}
