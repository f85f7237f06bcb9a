// A portal's e-mail texts (settings page) as @otpkit/delivery-email templates: one mapping, used
// by the portal's e-mail channel and by the settings page's preview, so the preview is the mail.
import type { EmailTemplateOverrides, RenderedEmail } from "@otpkit/delivery-email";
import { renderEmail } from "@otpkit/delivery-email";
import type { AlphabetName } from "@otpkit/otp-core";
import { ALPHABETS, isOtpError } from "@otpkit/otp-core";
import type { PortalSettings } from "./settings.js";
import { EXPIRY_PLACEHOLDER } from "./settings.js";

/**
 * The language whose `code` e-mail the portal's texts (`email.template`) replace: English, which
 * is also what contacts get whose language otpkit has no e-mail for. Contacts in one of the
 * built-in languages (58, `OTP_LANGUAGES`) get that language's e-mail, with the portal's
 * `email.translations` for it over the top.
 *
 * @example
 * ```ts
 * portalEmailTemplates(settings.email.template)[PORTAL_TEMPLATE_LOCALE]?.code?.subject;
 * ```
 */
export const PORTAL_TEMPLATE_LOCALE = "en";

const MINUTE = 60_000;
type Template = PortalSettings["email"]["template"];
type Translations = PortalSettings["email"]["translations"];
type TemplatePart = keyof Template;

/** One text in the renderer's syntax: `{expiry_minutes}` → `{{expiryMinutes}}`, lines as `\n`. */
function toRenderer(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replaceAll(EXPIRY_PLACEHOLDER, "{{expiryMinutes}}");
}

/**
 * A portal's e-mail texts as template overrides for `@otpkit/delivery-email`
 * (`createEmailChannel({ templates })`): `template` replaces the {@link PORTAL_TEMPLATE_LOCALE}
 * `code` e-mail, with the code on a line of its own below `body` (seed 001: the app puts the
 * code below the text); each entry of `translations` replaces the parts it gives of that
 * language's built-in `code` e-mail (a `body` again gets the code below it). `{expiry_minutes}`
 * becomes the renderer's `{{expiryMinutes}}`.
 *
 * @param template `settings.email.template` (validated by `parsePortalSettings`).
 * @param translations `settings.email.translations`. @default {}
 * @returns The overrides; pass them to the portal's e-mail channel.
 * @throws Never; the renderer checks the result when the channel is built (see
 *   {@link renderPortalEmail}, which the settings API runs before saving).
 * @example
 * ```ts
 * const channel = createEmailChannel({
 *   ...smtp,
 *   productName: "Acme",
 *   templates: portalEmailTemplates(settings.email.template, settings.email.translations),
 * });
 * ```
 */
export function portalEmailTemplates(
  template: Template,
  translations: Readonly<Translations> = {},
): EmailTemplateOverrides {
  const overrides: Record<string, { code: Partial<Record<TemplatePart, string>> }> = {
    [PORTAL_TEMPLATE_LOCALE]: {
      code: {
        subject: toRenderer(template.subject),
        greeting: toRenderer(template.greeting),
        body: `${toRenderer(template.body)}\n\n{{code}}`,
        footer: toRenderer(template.footer),
      },
    },
  };
  for (const [language, texts] of Object.entries(translations)) {
    const code: Partial<Record<TemplatePart, string>> = {};
    if (texts.subject !== undefined) code.subject = toRenderer(texts.subject);
    if (texts.greeting !== undefined) code.greeting = toRenderer(texts.greeting);
    if (texts.body !== undefined) code.body = `${toRenderer(texts.body)}\n\n{{code}}`;
    if (texts.footer !== undefined) code.footer = toRenderer(texts.footer);
    overrides[language] = { code };
  }
  return overrides;
}

/**
 * A sample code of the portal's shape, for previews: the same every time (a preview that
 * changes on each keystroke is noise). Not random, so never use it as a code.
 *
 * @param type The code type (alphabet).
 * @param length The code length.
 * @returns `length` symbols of the alphabet.
 * @throws Never (the settings schema bounds both).
 * @example
 * ```ts
 * sampleCode("numeric", 6); // "307418"
 * ```
 */
export function sampleCode(type: AlphabetName, length: number): string {
  const symbols = ALPHABETS[type];
  let code = "";
  for (let i = 0; i < length; i++) code += symbols[(i * 7 + 3) % symbols.length];
  return code;
}

/** The outcome of {@link renderPortalEmail}. */
export type RenderPortalEmailResult =
  | { ok: true; email: RenderedEmail & { sampleCode: string } }
  | {
      ok: false;
      /** Settings path (`email.template.body`) → what the renderer refused. */
      fieldErrors: Record<string, string>;
    };

/**
 * Renders the e-mail a contact would get under these settings, with a sample code: the settings
 * page's preview, and the check that saved texts can be sent at all.
 *
 * @param settings Validated settings (the draft the page sent, or the saved ones).
 * @param options `productName` for the renderer, the `locale` to preview (default
 *   {@link PORTAL_TEMPLATE_LOCALE}), and the clock.
 * @returns The rendered subject, text and HTML with the sample code, or field errors.
 * @throws {OtpError} `CONFIG_INVALID` for a bad `productName`; anything the renderer throws
 *   that is not about the texts.
 * @example
 * ```ts
 * const r = renderPortalEmail(settings, { productName: "Acme" });
 * if (r.ok) console.log(r.email.subject, r.email.text);
 * ```
 */
export function renderPortalEmail(
  settings: Pick<PortalSettings, "code" | "expiryMinutes" | "email">,
  options: { productName: string; locale?: string; now?: () => number },
): RenderPortalEmailResult {
  const code = sampleCode(settings.code.type, settings.code.length);
  try {
    const rendered = renderEmail(
      {
        kind: "code",
        code,
        ttlMs: settings.expiryMinutes * MINUTE,
        locale: options.locale ?? PORTAL_TEMPLATE_LOCALE,
        recipient: {},
      },
      {
        productName: options.productName,
        templates: portalEmailTemplates(settings.email.template, settings.email.translations),
        ...(options.now === undefined ? {} : { now: options.now }),
      },
    );
    return { ok: true, email: { ...rendered, sampleCode: code } };
  } catch (error) {
    // The renderer names the language and part (`templates.de.code.body`): shown at that field,
    // `email.template.*` for English and `email.translations.<language>.*` for the others.
    const part = isOtpError(error)
      ? /^templates\.([^.]+)\.code\.(\w+)$/.exec(error.field ?? "")
      : null;
    if (part === null || !isOtpError(error)) throw error;
    const [, language = "", name = ""] = part;
    const field =
      language === PORTAL_TEMPLATE_LOCALE
        ? `email.template.${name}`
        : `email.translations.${language}.${name}`;
    // In words for the admin (the renderer's message is for developers).
    const message = /no built-in templates/.test(error.message)
      ? `otpkit has no e-mail in "${language}" to complete: enter the subject and the text above the code.`
      : /placeholder/.test(error.message)
        ? `Remove "{{" and "}}": only ${EXPIRY_PLACEHOLDER} is filled in.`
        : "This text cannot be sent as it is; remove unusual characters.";
    return { ok: false, fieldErrors: { [field]: message } };
  }
}
