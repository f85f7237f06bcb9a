import { languageDirection } from "@otpkit/otp-core";
import type { Paragraph, Token } from "./fill.js";

// HTML: one column, inline styles only (mail clients drop <style> and never load remote CSS),
// no images, no links, no remote resources. Colours pass WCAG AA: #1a1a1a on #ffffff is 17:1,
// the footer's #4d4d4d is 8.5:1.

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const MONO = "ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono','Courier New',monospace";
const P_STYLE = "margin:0 0 16px 0;";
const FOOTER_STYLE = "margin:0 0 8px 0;font-size:13px;line-height:1.5;color:#4d4d4d;";
const CODE_BLOCK_STYLE = `padding:12px 16px;font-family:${MONO};font-size:32px;line-height:1.25;font-weight:700;letter-spacing:0.2em;color:#000000;background-color:#f0f0f0;border:1px solid #d0d0d0;border-radius:6px;display:inline-block;white-space:nowrap;`;
const CODE_INLINE_STYLE = `font-family:${MONO};font-weight:700;letter-spacing:0.1em;`;

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function tokenHtml(token: Token): string {
  const escaped = escapeHtml(token.text);
  return token.value === "code"
    ? `<strong dir="ltr" style="${CODE_INLINE_STYLE}">${escaped}</strong>`
    : escaped;
}

function paragraphHtml(paragraph: Paragraph, style: string): string {
  const only =
    paragraph.length === 1 ? paragraph[0]?.filter((t) => t.text.trim() !== "") : undefined;
  if (only?.length === 1 && only[0]?.value === "code") {
    // The code on a paragraph of its own: large, monospaced, selectable text (never an image,
    // so it can be read by screen readers, copied, and autofilled).
    // dir="ltr": a code reads left to right inside a right-to-left e-mail too.
    return `<div style="margin:0 0 16px 0;"><span dir="ltr" style="${CODE_BLOCK_STYLE}">${escapeHtml(only[0].text)}</span></div>`;
  }
  const lines = paragraph.map((line) => line.map(tokenHtml).join(""));
  return `<p style="${style}">${lines.join("<br>\n")}</p>`;
}

/** @internal The HTML rendering: one column, the code large and selectable. */
export function toHtml(parts: {
  subject: string;
  lang: string;
  greeting: Paragraph[];
  body: Paragraph[];
  footer: Paragraph[];
}): string {
  const lang = escapeHtml(parts.lang);
  const dir = languageDirection(parts.lang);
  const subject = escapeHtml(parts.subject);
  const main = [...parts.greeting, ...parts.body].map((p) => paragraphHtml(p, P_STYLE));
  const footer = parts.footer.map((p) => paragraphHtml(p, FOOTER_STYLE));
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}" dir="${dir}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="supported-color-schemes" content="light">',
    `<title>${subject}</title>`,
    "</head>",
    '<body style="margin:0;padding:0;background-color:#ffffff;">',
    // Webmail clients drop <html> and <body> (and their lang) when they inline a message, so the
    // wrapper repeats lang and dir. It is a div with role="article" rather than <article>, which
    // some clients strip: the pattern accessibility guides for e-mail recommend.
    `<div role="article" aria-roledescription="email" aria-label="${subject}" lang="${lang}" dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:${FONT};font-size:16px;line-height:1.5;color:#1a1a1a;background-color:#ffffff;">`,
    ...main,
    ...(footer.length > 0
      ? ['<hr style="border:none;border-top:1px solid #d0d0d0;margin:24px 0 16px 0;">', ...footer]
      : []),
    "</div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
