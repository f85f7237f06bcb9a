import type { Markup } from "./html.js";
import { markup, page } from "./html.js";
import type { Lang } from "./i18n.js";
import { MESSAGES } from "./i18n.js";

/** What the page says under the code form: a wrong code, a new code sent, a wait. */
export type Notice = { kind: "error" | "ok"; text: string } | null;

/**
 * The "Send a new code" form: posted with the page's CSRF token to `/verify/<id>/resend`. `wait`
 * says how long the resend rules still hold a new code back (already in words), when they do.
 */
export interface ResendOffer {
  id: string;
  csrf: string;
  wait: string | null;
}

function resendForm(lang: Lang, offer: ResendOffer, prompt: string | null): Markup {
  const m = MESSAGES[lang];
  const hint = [prompt, offer.wait].filter((t) => t !== null).join(" ");
  return markup`<form class="resend" method="post" action="/verify/${offer.id}/resend">
<input type="hidden" name="csrf" value="${offer.csrf}">
${hint !== "" && markup`<p class="hint" id="resend-hint">${hint}</p>`}
<button type="submit" class="secondary"${hint !== "" && markup` aria-describedby="resend-hint"`}>${m.resendButton}</button>
</form>`;
}

/**
 * The code form: one labelled input (`autocomplete="one-time-code"`, the policy's `inputmode`),
 * a live region for the result, and, when a new code can be sent, the "Send a new code" form.
 *
 * @throws {never}
 * @example
 * c.html(codeFormPage({ lang: "en", id, csrf, destination: "a***@example.com", inputMode: "numeric", maxLength: 30, notice: null, resend: null }));
 */
export function codeFormPage(options: {
  lang: Lang;
  id: string;
  csrf: string;
  destination: string | null;
  inputMode: string;
  /** The longest input the field takes (the API's limit too: MAX_CODE_INPUT). */
  maxLength: number;
  notice: Notice;
  resend: ResendOffer | null;
}): Markup {
  const { lang, notice } = options;
  const m = MESSAGES[lang];
  const body = markup`<h1>${m.title}</h1>
<p>${m.intro(options.destination)}</p>
<form method="post" action="/verify/${options.id}" novalidate>
<input type="hidden" name="csrf" value="${options.csrf}">
<label for="code">${m.label}</label>
<p class="hint" id="code-hint">${m.hint}</p>
<input type="text" id="code" name="code" autocomplete="one-time-code" inputmode="${options.inputMode}"
 autocapitalize="characters" spellcheck="false" maxlength="${options.maxLength}" required autofocus
 aria-describedby="code-hint result"${notice?.kind === "error" && markup` aria-invalid="true"`}>
<button type="submit">${m.submit}</button>
<p id="result" class="result${notice ? ` ${notice.kind}` : ""}" role="status" aria-live="polite">${notice?.text}</p>
</form>
${options.resend && resendForm(lang, options.resend, m.resendPrompt)}`;
  return page({ lang, title: m.title, body });
}

/**
 * A page with a heading and one announced message: the end of a verification (expired, used up,
 * locked, cancelled), success, or why there is no page. `resend` adds "Send a new code";
 * `link` a button to the service (success with an allow-listed return URL).
 *
 * @throws {never}
 * @example
 * c.html(messagePage({ lang: "en", title: m.endedTitle, kind: "error", text: m.expired }));
 */
export function messagePage(options: {
  lang: Lang;
  title: string;
  kind: "error" | "ok";
  text: string;
  resend?: ResendOffer | null;
  link?: { href: string; text: string } | null;
}): Markup {
  const { lang, resend, link } = options;
  const body = markup`<h1>${options.title}</h1>
<p class="result ${options.kind}" role="status" aria-live="polite">${options.text}</p>
${link && markup`<a class="button" href="${link.href}">${link.text}</a>`}
${resend && resendForm(lang, resend, null)}`;
  return page({ lang, title: options.title, body });
}
