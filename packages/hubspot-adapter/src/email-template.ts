// A portal's e-mail texts (settings page) as @otpkit/delivery-email templates: one mapping, used
// by the portal's e-mail channel and by the settings page's preview, so the preview is the mail.
import type { EmailTemplateOverrides, RenderedEmail } from "@otpkit/delivery-email";
import { renderEmail } from "@otpkit/delivery-email";
import type { AlphabetName } from "@otpkit/otp-core";
import { ALPHABETS, isOtpError } from "@otpkit/otp-core";
import type { PortalSettings } from "./settings.js";
import { EXPIRY_PLACEHOLDER } from "./settings.js";

/**
 * The language whose `code` e-mail the portal's texts replace. Contacts whose language has
 * built-in templates of its own (`es`) keep those; everyone else gets the admin's texts.
 *
 * @example
 * ```ts
 * portalEmailTemplates(settings.email.template)[PORTAL_TEMPLATE_LOCALE]?.code?.subject;
 * ```
 */
export const PORTAL_TEMPLATE_LOCALE = "en";

const MINUTE = 60_000;
type Template = PortalSettings["email"]["template"];
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
 * (`createEmailChannel({ templates })`): they replace the {@link PORTAL_TEMPLATE_LOCALE} `code`
 * e-mail, with the code on a line of its own below `body` (seed 001: the app puts the code below
 * the text). `{expiry_minutes}` becomes the renderer's `{{expiryMinutes}}`.
 *
 * @param template `settings.email.template` (validated by `parsePortalSettings`).
 * @returns The overrides; pass them to the portal's e-mail channel.
 * @throws Never; the renderer checks the result when the channel is built (see
 *   {@link renderPortalEmail}, which the settings API runs before saving).
 * @example
 * ```ts
 * const channel = createEmailChannel({
 *   ...smtp,
 *   productName: "Acme",
 *   templates: portalEmailTemplates(settings.email.template),
 * });
 * ```
 */
export function portalEmailTemplates(template: Template): EmailTemplateOverrides {
  return {
    [PORTAL_TEMPLATE_LOCALE]: {
      code: {
        subject: toRenderer(template.subject),
        greeting: toRenderer(template.greeting),
        body: `${toRenderer(template.body)}\n\n{{code}}`,
        footer: toRenderer(template.footer),
      },
    },
  };
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
        templates: portalEmailTemplates(settings.email.template),
        ...(options.now === undefined ? {} : { now: options.now }),
      },
    );
    return { ok: true, email: { ...rendered, sampleCode: code } };
  } catch (error) {
    // The renderer names the template part (`templates.en.code.body`): shown at that field.
    const part = isOtpError(error)
      ? /^templates\.[^.]+\.code\.(\w+)$/.exec(error.field ?? "")
      : null;
    if (part === null || !isOtpError(error)) throw error;
    const name = part[1] as TemplatePart;
    // In words for the admin (the renderer's message is for developers).
    const message = /placeholder/.test(error.message)
      ? `Remove "{{" and "}}": only ${EXPIRY_PLACEHOLDER} is filled in.`
      : "This text cannot be sent as it is; remove unusual characters.";
    return { ok: false, fieldErrors: { [`email.template.${name}`]: message } };
  }
}
