import { languageDirection } from "@otpkit/otp-core";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** Markup made by {@link markup}: already escaped, so it goes into more markup as it is. */
export type Markup = HtmlEscapedString;

/**
 * What {@link markup} puts into a page. Text is escaped (`<`, `&`, quotes), markup goes in as it
 * is, lists are joined; `null`, `undefined` and booleans print nothing (`${cond && markup`…`}`).
 */
export type MarkupValue = string | number | boolean | null | undefined | Markup | readonly Markup[];

/**
 * Hono's `html` tag for the pages: every interpolated string is escaped, so text from a request,
 * a verification or a translation can never become markup.
 *
 * Why the narrower type: `html` answers a Promise only when one of its values is a Promise (or
 * markup with async callbacks); {@link MarkupValue} admits neither, so the markup is there at
 * once and can be nested, compared in tests, and returned from plain functions.
 *
 * @throws {never}
 * @example
 * markup`<p>${"<b>"} ${markup`<b>bold</b>`}</p>`; // <p>&lt;b&gt; <b>bold</b></p>
 */
export function markup(strings: TemplateStringsArray, ...values: MarkupValue[]): Markup {
  return html(strings, ...values) as Markup;
}

/**
 * The page frame of every page the server renders (the hosted page, the dev outbox): the one
 * place that writes `<html>`, `<head>` and the stylesheet link (no inline style or script, so
 * the CSP can forbid both).
 *
 * @param options.lang The page language (`en`, `ar`, `zh-Hant`), for `<html lang>`; a right-to-left
 *   language (Arabic, Hebrew, Persian, Urdu) also gets `dir="rtl"`.
 * @param options.wide A wider column (the dev outbox's tables).
 * @throws {never}
 * @example
 * c.html(page({ lang: "en", title: "Hi", body: markup`<h1>Hi</h1>` }));
 */
export function page(options: {
  lang: string;
  title: string;
  body: Markup;
  wide?: boolean;
}): Markup {
  return markup`<!doctype html>
<html lang="${options.lang}"${languageDirection(options.lang) === "rtl" && markup` dir="rtl"`}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title}</title>
<link rel="stylesheet" href="/assets/otpkit.css">
</head>
<body>
<main${options.wide ? markup` class="wide"` : ""}>
${options.body}
</main>
</body>
</html>`;
}

/**
 * One stylesheet, served from /assets so the CSP can forbid inline styles. Colours meet WCAG AA:
 * #1f2937 on white is 14.7:1, white on #1d4ed8 is 6.7:1, #b91c1c on white is 6.5:1, #1d4ed8 on
 * white (the secondary button) is 6.7:1, #4b5563 on white (hints) is 7.6:1.
 */
export const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f3f4f6}
main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.5rem;margin:0 0 1rem}
label{display:block;font-weight:600;margin:1.25rem 0 .25rem}
.hint{margin:0 0 .5rem;color:#4b5563;font-size:.9rem}
input[type=text]{width:100%;font:600 1.75rem/1.2 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;letter-spacing:.2em;padding:.6rem .75rem;border:2px solid #6b7280;border-radius:.5rem;color:#111827}
input[type=text]:focus{outline:3px solid #1d4ed8;outline-offset:2px;border-color:#1d4ed8}
button,.button{display:inline-block;margin-top:1rem;width:100%;padding:.75rem 1rem;font-family:inherit;font-size:1.1rem;font-weight:600;line-height:1.2;color:#fff;background:#1d4ed8;border:0;border-radius:.5rem;cursor:pointer;text-align:center;text-decoration:none}
button.secondary{margin-top:.25rem;color:#1d4ed8;background:#fff;border:2px solid #1d4ed8}
button:focus-visible,.button:focus-visible,a:focus-visible{outline:3px solid #111827;outline-offset:2px}
.result{min-height:1.5rem;margin:1rem 0 0;font-weight:600}
.result.error{color:#b91c1c}
.result.ok{color:#15803d}
form.resend{margin-top:1.5rem;padding-top:1rem;border-top:1px solid #e5e7eb}
table{width:100%;border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
pre{white-space:pre-wrap;word-break:break-word;background:#f9fafb;padding:1rem;border-radius:.5rem}
main.wide{max-width:60rem}
iframe{width:100%;height:32rem;border:1px solid #e5e7eb;border-radius:.5rem}
`;
