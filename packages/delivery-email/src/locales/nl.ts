import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Dutch (informal "je"). */
export const nl: EmailTemplateSet = {
  code: {
    subject: "Je verificatiecode voor {{productName}}",
    greeting: "Hallo {{name}},",
    body: [
      "Hier is de verificatiecode die je hebt aangevraagd:",
      "{{code}}",
      "De code verloopt over {{expiryDuration}} (om {{expiryTime}}). Voer hem in op de pagina waar je hem hebt aangevraagd.",
      "Heb je deze code niet aangevraagd? Dan kun je deze e-mail negeren: niemand kan de code gebruiken zonder toegang tot je inbox. Deel de code nooit met iemand; {{productName}} zal je er nooit om vragen.",
    ].join("\n\n"),
    footer:
      "Dit is een automatisch bericht van {{productName}}.\nHulp nodig? Neem contact op met {{supportContact}}.",
  },
  retry: {
    subject: "Je nieuwe verificatiecode voor {{productName}}",
    greeting: "Hallo {{name}},",
    body: [
      "Er is een onjuiste code ingevoerd, dus hier is een nieuwe. De vorige code werkt niet meer.",
      "{{code}}",
      "De code verloopt over {{expiryDuration}} (om {{expiryTime}}).",
      "Probeer je niet in te loggen? Dan kun je deze e-mail negeren. Deel deze code nooit met iemand; {{productName}} zal je er nooit om vragen.",
    ].join("\n\n"),
    footer:
      "Dit is een automatisch bericht van {{productName}}.\nHulp nodig? Neem contact op met {{supportContact}}.",
  },
  lockout: {
    subject: "Inloggen bij {{productName}} is gepauzeerd",
    greeting: "Hallo {{name}},",
    body: [
      "Er zijn te veel onjuiste codes ingevoerd, dus we hebben inloggen bij je {{productName}}-account gepauzeerd. Zo beschermen we je account tegen iemand die de code probeert te raden.",
      "Je kunt het opnieuw proberen na {{lockedUntil}}.",
      "Was jij dit niet, of heb je nu hulp nodig? Neem contact op met {{supportContact}}.",
    ].join("\n\n"),
    footer: "Dit is een automatisch bericht van {{productName}}.",
  },
  unlock: {
    subject: "Je kunt weer inloggen bij {{productName}}",
    greeting: "Hallo {{name}},",
    body: [
      "De pauze voor inloggen bij {{productName}} is voorbij. Je kunt een nieuwe code aanvragen wanneer je wilt.",
      "Probeerde je niet in te loggen? Neem contact op met {{supportContact}}.",
    ].join("\n\n"),
    footer: "Dit is een automatisch bericht van {{productName}}.",
  },
};
