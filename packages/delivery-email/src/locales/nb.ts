import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Norwegian Bokmål (also for `no` and `nn`). */
export const nb: EmailTemplateSet = {
  code: {
    subject: "Bekreftelseskoden din for {{productName}}",
    greeting: "Hei {{name}},",
    body: [
      "Her er bekreftelseskoden du ba om:",
      "{{code}}",
      "Den utløper om {{expiryDuration}} (kl. {{expiryTime}}). Skriv den inn på siden der du ba om den.",
      "Hvis du ikke ba om denne koden, kan du se bort fra denne e-posten: ingen kan bruke den uten tilgang til innboksen din. Del den aldri med noen; {{productName}} kommer aldri til å spørre deg om den.",
    ].join("\n\n"),
    footer:
      "Dette er en automatisk melding fra {{productName}}.\nTrenger du hjelp? Kontakt {{supportContact}}.",
  },
  retry: {
    subject: "Den nye bekreftelseskoden din for {{productName}}",
    greeting: "Hei {{name}},",
    body: [
      "En kode ble skrevet inn feil, så her er en ny. Den forrige koden virker ikke lenger.",
      "{{code}}",
      "Den utløper om {{expiryDuration}} (kl. {{expiryTime}}).",
      "Hvis du ikke prøver å logge på, kan du se bort fra denne e-posten. Del aldri denne koden med noen; {{productName}} kommer aldri til å spørre deg om den.",
    ].join("\n\n"),
    footer:
      "Dette er en automatisk melding fra {{productName}}.\nTrenger du hjelp? Kontakt {{supportContact}}.",
  },
  lockout: {
    subject: "Pålogging til {{productName}} er satt på pause",
    greeting: "Hei {{name}},",
    body: [
      "For mange feil koder ble skrevet inn, så vi har satt pålogging til {{productName}}-kontoen din på pause. Dette beskytter kontoen mot noen som prøver å gjette koden.",
      "Du kan prøve igjen etter {{lockedUntil}}.",
      "Hvis dette ikke var deg, eller du trenger hjelp nå, kontakt {{supportContact}}.",
    ].join("\n\n"),
    footer: "Dette er en automatisk melding fra {{productName}}.",
  },
  unlock: {
    subject: "Du kan logge på {{productName}} igjen",
    greeting: "Hei {{name}},",
    body: [
      "Pausen for pålogging til {{productName}} er over. Du kan be om en ny kode når du er klar.",
      "Hvis du ikke prøvde å logge på, kontakt {{supportContact}}.",
    ].join("\n\n"),
    footer: "Dette er en automatisk melding fra {{productName}}.",
  },
};
