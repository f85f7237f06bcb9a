import { createEmailChannel } from "@otpkit/delivery-email";

export const email = createEmailChannel({
  from: "Acme <no-reply@acme.test>",
  smtp: { host: "smtp.acme.test", port: 587, requireTLS: true, auth: { user: "otp", pass: "…" } },
  productName: "Acme",
  supportContact: "help@acme.test",
  defaultLocale: "en",
  timeZone: "Europe/Madrid",
  templates: {
    // Replace some parts of a built-in language; the other parts and kinds stay built in.
    en: { code: { subject: "Your {{productName}} sign-in code", footer: "Acme Inc., Madrid" } },
    // Per language, and per region on top of its language (pt-BR builds on the built-in pt).
    fr: { code: { subject: "Votre code de connexion {{productName}}" } },
    "pt-BR": { code: { footer: "Acme Brasil, São Paulo" } },
    // A language otpkit does not ship: each kind you add needs at least subject and body (with
    // {{code}} for code/retry); the kinds you leave out fall back to defaultLocale.
    cy: {
      code: {
        subject: "Eich cod dilysu {{productName}}",
        greeting: "Helo {{name}},",
        body: "Dyma'ch cod dilysu:\n\n{{code}}\n\nMae'n dod i ben ymhen {{expiryDuration}}.",
        footer: "Angen help? Cysylltwch â {{supportContact}}.",
      },
    },
  },
});
