import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Danish. */
export const da: EmailTemplateSet = {
  code: {
    subject: "Din bekræftelseskode til {{productName}}",
    greeting: "Hej {{name}},",
    body: [
      "Her er den bekræftelseskode, du bad om:",
      "{{code}}",
      "Den udløber om {{expiryDuration}} (kl. {{expiryTime}}). Indtast den på den side, hvor du bad om den.",
      "Hvis du ikke har bedt om denne kode, kan du ignorere denne e-mail: ingen kan bruge den uden adgang til din indbakke. Del den aldrig med nogen; {{productName}} vil aldrig bede dig om den.",
    ].join("\n\n"),
    footer:
      "Dette er en automatisk besked fra {{productName}}.\nBrug for hjælp? Kontakt {{supportContact}}.",
  },
  retry: {
    subject: "Din nye bekræftelseskode til {{productName}}",
    greeting: "Hej {{name}},",
    body: [
      "Der blev indtastet en forkert kode, så her er en ny. Den tidligere kode virker ikke længere.",
      "{{code}}",
      "Den udløber om {{expiryDuration}} (kl. {{expiryTime}}).",
      "Hvis du ikke prøver at logge ind, kan du ignorere denne e-mail. Del aldrig denne kode med nogen; {{productName}} vil aldrig bede dig om den.",
    ].join("\n\n"),
    footer:
      "Dette er en automatisk besked fra {{productName}}.\nBrug for hjælp? Kontakt {{supportContact}}.",
  },
  lockout: {
    subject: "Login på {{productName}} er sat på pause",
    greeting: "Hej {{name}},",
    body: [
      "Der blev indtastet for mange forkerte koder, så vi har sat login på din {{productName}}-konto på pause. Det beskytter kontoen mod nogen, der prøver at gætte koden.",
      "Du kan prøve igen efter {{lockedUntil}}.",
      "Hvis det ikke var dig, eller hvis du har brug for hjælp nu, så kontakt {{supportContact}}.",
    ].join("\n\n"),
    footer: "Dette er en automatisk besked fra {{productName}}.",
  },
  unlock: {
    subject: "Du kan logge ind på {{productName}} igen",
    greeting: "Hej {{name}},",
    body: [
      "Pausen for login på {{productName}} er slut. Du kan bede om en ny kode, når du er klar.",
      "Hvis du ikke prøvede at logge ind, så kontakt {{supportContact}}.",
    ].join("\n\n"),
    footer: "Dette er en automatisk besked fra {{productName}}.",
  },
};
