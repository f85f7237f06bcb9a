// A standalone HTML page around a card's HTML: the record sidebar's frame, HubSpot-like styles,
// and the open confirmation over a dimmed page when there is one.
import { escapeHtml } from "./tree-to-html.js";

/** The preview pages' HubSpot-like styles (the settings page's preview adds its own). */
export const PREVIEW_CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #f5f8fa; font: 14px/1.5 "Lexend Deca", "Helvetica Neue", Helvetica, Arial, sans-serif; color: #33475b; }
.page { position: relative; padding: 24px; width: fit-content; } .page-overlay { width: 760px; }
.sidebar { width: 340px; background: #fff; border: 1px solid #dfe3eb; border-radius: 4px; }
.card-title { padding: 12px 16px; border-bottom: 1px solid #dfe3eb; font-weight: 600; display: flex; justify-content: space-between; }
.card-title small { font-weight: 400; color: #7c98b6; }
.card-body { padding: 16px; }
.flex { display: flex; } .dir-column { flex-direction: column; } .dir-row { flex-direction: row; }
.wrap { flex-wrap: wrap; } .align-center { align-items: center; } .align-end { align-items: flex-end; }
.gap-flush { gap: 0; } .gap-xs { gap: 4px; } .gap-sm { gap: 8px; } .gap-md { gap: 16px; } .gap-lg { gap: 24px; } .gap-xl { gap: 32px; }
.text { margin: 0; } .microcopy { font-size: 12px; color: #516f90; } .fw-bold { font-weight: 700; } .fw-demibold { font-weight: 600; } .italic { font-style: italic; }
.heading { margin: 0; font-size: 28px; font-weight: 700; letter-spacing: 0.08em; color: #213343; }
.btn { font: inherit; font-size: 14px; font-weight: 600; border-radius: 3px; padding: 8px 16px; border: 1px solid; cursor: pointer; display: inline-flex; align-items: center; gap: 6px; align-self: flex-start; }
.btn-xs { font-size: 12px; padding: 3px 10px; } .btn-sm { font-size: 13px; padding: 5px 12px; }
.btn-primary { background: #ff7a59; border-color: #ff7a59; color: #fff; }
.btn-secondary { background: #fff; border-color: #ff7a59; color: #ff7a59; }
.btn-destructive { background: #f2545b; border-color: #f2545b; color: #fff; }
.btn-transparent { background: transparent; border-color: transparent; color: #0091ae; }
.btn[disabled] { opacity: 0.5; cursor: not-allowed; }
.alert { border: 1px solid; border-left-width: 4px; border-radius: 3px; padding: 10px 12px; }
.alert-title { margin: 0 0 2px; font-weight: 700; } .alert-body { font-size: 13px; }
.alert-info { background: #e5f5f8; border-color: #00a4bd; } .alert-tip { background: #e5f5f8; border-color: #7fd1de; }
.alert-success { background: #e5f8f6; border-color: #00bda5; }
.alert-warning { background: #fef8f0; border-color: #f5c26b; }
.alert-error, .alert-danger { background: #fde8e9; border-color: #f2545b; }
.dl { margin: 0; display: flex; gap: 8px 16px; } .dl-column { flex-direction: column; } .dl-row { flex-direction: row; flex-wrap: wrap; }
.dl-item dt { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: #516f90; }
.dl-item dd { margin: 0; }
.divider { border: 0; border-top: 1px solid #dfe3eb; margin: 4px 0; width: 100%; }
.tag { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 3px; border: 1px solid #cbd6e2; background: #eaf0f6; }
.tag-success { background: #e5f8f6; border-color: #00bda5; } .tag-warning { background: #fef8f0; border-color: #f5c26b; }
.tag-error { background: #fde8e9; border-color: #f2545b; } .tag-info { background: #e5f5f8; border-color: #00a4bd; }
.spinner-row { display: flex; align-items: center; gap: 8px; padding: 24px 0; justify-content: center; color: #516f90; }
.spin { width: 22px; height: 22px; border-radius: 50%; border: 3px solid #cbd6e2; border-top-color: #ff7a59; display: inline-block; }
.spin-xs { width: 12px; height: 12px; border-width: 2px; border-color: rgba(255,255,255,0.5); border-top-color: #fff; }
.backdrop { position: absolute; inset: 0; background: rgba(45, 62, 80, 0.79); display: flex; align-items: center; justify-content: center; }
.modal { width: 460px; background: #fff; border-radius: 4px; overflow: hidden; box-shadow: 0 2px 12px rgba(0,0,0,0.2); }
.modal-header { background: #00a4bd; color: #fff; font-size: 18px; font-weight: 600; padding: 16px 20px; display: flex; justify-content: space-between; }
.modal-body { padding: 20px; } .modal-footer { padding: 12px 20px; border-top: 1px solid #dfe3eb; background: #f5f8fa; }
`;

/** A preview page's parts. */
export interface PreviewPageInput {
  title: string;
  /** The card's HTML (`treeToHtml(...).html`). */
  card: string;
  /** The open confirmation's HTML, drawn over the page; none when closed. */
  overlay?: string | undefined;
}

/**
 * A whole HTML document showing the card in the contact record's sidebar.
 *
 * @param input The state's title, the card's HTML, the open overlay.
 * @returns The document.
 * @throws Never.
 * @example
 * ```ts
 * writeFileSync("docs/previews/active-code.html", previewPage({ title: "Active OTP", card: html }));
 * ```
 */
export function previewPage(input: PreviewPageInput): string {
  const overlay = input.overlay === undefined ? "" : `<div class="backdrop">${input.overlay}</div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Generate OTP card: ${escapeHtml(input.title)}</title>
<link rel="stylesheet" href="preview.css">
</head>
<body>
<div class="page${input.overlay === undefined ? "" : " page-overlay"}" id="preview">
<div class="sidebar">
<div class="card-title">Generate OTP <small>${escapeHtml(input.title)}</small></div>
<div class="card-body">${input.card}</div>
</div>
${overlay}
</div>
</body>
</html>
`;
}
