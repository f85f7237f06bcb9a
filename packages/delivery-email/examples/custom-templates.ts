import { createEmailChannel } from "@otpkit/delivery-email";

export const email = createEmailChannel({
  from: "Acme <no-reply@acme.test>",
  smtp: { host: "smtp.acme.test", port: 587, requireTLS: true, auth: { user: "otp", pass: "…" } },
  productName: "Acme",
  supportContact: "help@acme.test",
  defaultLocale: "en",
  timeZone: "Europe/Madrid",
  templates: {
    // Replace some parts of a built-in locale; the other parts and kinds stay built in.
    en: { code: { subject: "Your {{productName}} sign-in code", footer: "Acme Inc., Madrid" } },
    // A new locale: each kind you add needs at least subject and body (with {{code}} for code/retry).
    fr: {
      code: {
        subject: "Votre code {{productName}}",
        greeting: "Bonjour {{name}},",
        body: "Votre code de vérification :\n\n{{code}}\n\nIl expire dans {{expiryDuration}}.",
        footer: "Besoin d'aide ? Écrivez à {{supportContact}}.",
      },
    },
  },
});
