import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: English. */
export const en: EmailTemplateSet = {
  code: {
    subject: "Your {{productName}} verification code",
    greeting: "Hi {{name}},",
    body: [
      "Here is the verification code you asked for:",
      "{{code}}",
      "It expires in {{expiryDuration}} (at {{expiryTime}}). Enter it on the page where you asked for it.",
      "If you did not ask for this code, you can ignore this email: nobody can use it without access to your inbox. Never share it with anyone; {{productName}} will never ask you for it.",
    ].join("\n\n"),
    footer:
      "This is an automated message from {{productName}}.\nNeed help? Contact {{supportContact}}.",
  },
  retry: {
    subject: "Your new {{productName}} verification code",
    greeting: "Hi {{name}},",
    body: [
      "A code was entered incorrectly, so here is a new one. The previous code no longer works.",
      "{{code}}",
      "It expires in {{expiryDuration}} (at {{expiryTime}}).",
      "If you are not trying to sign in, you can ignore this email. Never share this code with anyone; {{productName}} will never ask you for it.",
    ].join("\n\n"),
    footer:
      "This is an automated message from {{productName}}.\nNeed help? Contact {{supportContact}}.",
  },
  lockout: {
    subject: "Sign-in to {{productName}} is paused",
    greeting: "Hi {{name}},",
    body: [
      "Too many incorrect codes were entered, so we have paused sign-in to your {{productName}} account. This protects it from someone guessing the code.",
      "You can try again after {{lockedUntil}}.",
      "If this was not you, or you need help now, contact {{supportContact}}.",
    ].join("\n\n"),
    footer: "This is an automated message from {{productName}}.",
  },
  unlock: {
    subject: "You can sign in to {{productName}} again",
    greeting: "Hi {{name}},",
    body: [
      "The pause on signing in to {{productName}} has ended. You can ask for a new code whenever you are ready.",
      "If you were not trying to sign in, contact {{supportContact}}.",
    ].join("\n\n"),
    footer: "This is an automated message from {{productName}}.",
  },
};
