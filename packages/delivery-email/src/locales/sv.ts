import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Swedish. */
export const sv: EmailTemplateSet = {
  code: {
    subject: "Din verifieringskod för {{productName}}",
    greeting: "Hej {{name}},",
    body: [
      "Här är verifieringskoden du bad om:",
      "{{code}}",
      "Den går ut om {{expiryDuration}} (kl. {{expiryTime}}). Ange den på sidan där du begärde den.",
      "Om du inte har bett om den här koden kan du ignorera det här mejlet: ingen kan använda den utan åtkomst till din inkorg. Dela den aldrig med någon; {{productName}} kommer aldrig att be dig om den.",
    ].join("\n\n"),
    footer:
      "Det här är ett automatiskt meddelande från {{productName}}.\nBehöver du hjälp? Kontakta {{supportContact}}.",
  },
  retry: {
    subject: "Din nya verifieringskod för {{productName}}",
    greeting: "Hej {{name}},",
    body: [
      "En felaktig kod angavs, så här är en ny. Den tidigare koden fungerar inte längre.",
      "{{code}}",
      "Den går ut om {{expiryDuration}} (kl. {{expiryTime}}).",
      "Om du inte försöker logga in kan du ignorera det här mejlet. Dela aldrig den här koden med någon; {{productName}} kommer aldrig att be dig om den.",
    ].join("\n\n"),
    footer:
      "Det här är ett automatiskt meddelande från {{productName}}.\nBehöver du hjälp? Kontakta {{supportContact}}.",
  },
  lockout: {
    subject: "Inloggning till {{productName}} är pausad",
    greeting: "Hej {{name}},",
    body: [
      "För många felaktiga koder angavs, så vi har pausat inloggningen till ditt {{productName}}-konto. Det skyddar kontot mot någon som försöker gissa koden.",
      "Du kan försöka igen efter {{lockedUntil}}.",
      "Om det inte var du, eller om du behöver hjälp nu, kontakta {{supportContact}}.",
    ].join("\n\n"),
    footer: "Det här är ett automatiskt meddelande från {{productName}}.",
  },
  unlock: {
    subject: "Du kan logga in på {{productName}} igen",
    greeting: "Hej {{name}},",
    body: [
      "Pausen för inloggning till {{productName}} är över. Du kan begära en ny kod när du vill.",
      "Om du inte försökte logga in, kontakta {{supportContact}}.",
    ].join("\n\n"),
    footer: "Det här är ett automatiskt meddelande från {{productName}}.",
  },
};
