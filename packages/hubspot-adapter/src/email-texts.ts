import * as z from "zod";
import { unknownKeysError } from "./settings-keys.js";

// The e-mail texts of a portal's settings: what each may contain, and the per-language texts
// over otpkit's built-in e-mails (the schema of `email.template` and `email.translations`).

/** The one placeholder e-mail texts may use. */
export const EXPIRY_PLACEHOLDER = "{expiry_minutes}";

/**
 * The e-mail texts a portal starts with (OpsAgent's, so a portal switching over sees the same
 * mail). `body` is the text above the code; the app puts the code below it.
 */
export const DEFAULT_EMAIL_TEMPLATE = Object.freeze({
  subject: "Your Verification Code",
  greeting: "Hello,",
  body: "Your one-time verification code is:",
  footer: `This code will expire in ${EXPIRY_PLACEHOLDER} minutes. If you didn't request this code, please ignore this email.`,
});

// Any other {…} is refused rather than sent as is: a typo like {expiry} would reach the
// contact verbatim, and {{…}} is the e-mail renderer's own syntax.
const BRACES = /\{[^{}]*\}/g;
/** C0 controls and DEL; tab and line breaks only where a text may span lines. */
function hasControls(value: string, multiLine: boolean): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const lineBreakOrTab = c === 0x09 || c === 0x0a || c === 0x0d;
    if (c === 0x7f || (c < 0x20 && !(multiLine && lineBreakOrTab))) return true;
  }
  return false;
}

/**
 * One e-mail text of the settings page: `label` names it in the errors; refuses control
 * characters (line breaks too when `oneLine`) and any `{…}` but {@link EXPIRY_PLACEHOLDER}.
 *
 * @throws Never (a zod schema: problems are issues).
 * @example
 * ```ts
 * emailText("subject", 200, { required: true, oneLine: true }).parse("Your code");
 * ```
 */
const emailText = (label: string, max: number, options: { required: boolean; oneLine: boolean }) =>
  z.string({ error: `Enter the ${label} as text.` }).superRefine((value, ctx) => {
    if (options.required && value.trim() === "") ctx.addIssue(`Enter the ${label}.`);
    if (value.length > max) ctx.addIssue(`Shorten the ${label} to ${max} characters at most.`);
    if (hasControls(value, !options.oneLine)) {
      ctx.addIssue(
        options.oneLine
          ? `Keep the ${label} on one line.`
          : `Remove the control characters from the ${label}.`,
      );
    }
    const unknown = (value.match(BRACES) ?? []).filter((m) => m !== EXPIRY_PLACEHOLDER);
    if (unknown.length > 0) {
      ctx.addIssue(
        `Only ${EXPIRY_PLACEHOLDER} is filled in; remove or fix ${[...new Set(unknown)].join(", ")}.`,
      );
    }
  });

/** The most languages a portal may give its own e-mail texts for (OTP_LANGUAGES has 58). */
export const MAX_EMAIL_TRANSLATIONS = 100;

// A language's own texts: any subset of the four; the rest is otpkit's built-in e-mail in that
// language. `body` is, as in `template`, the text above the code.
const parts = {
  subject: emailText("subject", 200, { required: true, oneLine: true }),
  greeting: emailText("greeting", 200, { required: false, oneLine: true }),
  body: emailText("text above the code", 2000, { required: true, oneLine: false }),
  footer: emailText("footer", 1000, { required: false, oneLine: false }),
};

/**
 * The fields of `email.template`: the four texts, each defaulting to
 * {@link DEFAULT_EMAIL_TEMPLATE}'s.
 *
 * @throws Never (zod schemas: problems are issues).
 * @example
 * ```ts
 * z.object(emailTemplateFields).parse({}).subject; // "Your Verification Code"
 * ```
 */
export const emailTemplateFields = {
  subject: parts.subject.default(DEFAULT_EMAIL_TEMPLATE.subject),
  greeting: parts.greeting.default(DEFAULT_EMAIL_TEMPLATE.greeting),
  body: parts.body.default(DEFAULT_EMAIL_TEMPLATE.body),
  footer: parts.footer.default(DEFAULT_EMAIL_TEMPLATE.footer),
};

// Strict: a text under another name (say a `retry` e-mail) would otherwise be dropped without a
// word, and the portal would go on sending otpkit's text while its admin thinks it changed it.
const translation = z.strictObject(
  {
    subject: parts.subject.optional(),
    greeting: parts.greeting.optional(),
    body: parts.body.optional(),
    footer: parts.footer.optional(),
  },
  {
    error: unknownKeysError(
      "a language's texts are",
      Object.keys(parts),
      "Give the language's texts as subject, greeting, body and footer.",
      "text",
    ),
  },
);

/**
 * A portal's per-language e-mail texts (`email.translations`): language tag → any of subject,
 * greeting, body (the text above the code) and footer; not `en` (that is `email.template`), each
 * language once, at most {@link MAX_EMAIL_TRANSLATIONS}.
 *
 * @throws Never (a zod schema: problems are issues).
 * @example
 * ```ts
 * emailTranslations.parse({ de: { subject: "Ihr Code" } });
 * ```
 */
export const emailTranslations = z
  .record(
    z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, {
      error: "Use a language code such as de, pt-BR or zh-Hant.",
    }),
    translation,
    {
      error: "Give the texts per language, keyed by a language code such as de, pt-BR or zh-Hant.",
    },
  )
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    for (const tag of Object.keys(value)) {
      const key = tag.toLowerCase();
      if (key === "en") {
        ctx.addIssue({
          code: "custom",
          path: [tag],
          message: "English uses the e-mail texts above (email.template); remove this entry.",
        });
      } else if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: [tag], message: `${tag} is given twice.` });
      }
      seen.add(key);
    }
    if (seen.size > MAX_EMAIL_TRANSLATIONS) {
      ctx.addIssue(`Give texts for at most ${MAX_EMAIL_TRANSLATIONS} languages.`);
    }
  });
