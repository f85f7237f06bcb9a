import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Romanian (informal). */
export const ro: EmailTemplateSet = {
  code: {
    subject: "Codul tău de verificare {{productName}}",
    greeting: "Bună, {{name}},",
    body: [
      "Iată codul de verificare pe care l-ai cerut:",
      "{{code}}",
      "Expiră în {{expiryDuration}} (la ora {{expiryTime}}). Introdu-l pe pagina de pe care l-ai cerut.",
      "Dacă nu ai cerut acest cod, poți ignora acest e-mail: nimeni nu îl poate folosi fără acces la căsuța ta de e-mail. Nu-l împărtăși niciodată cu nimeni; {{productName}} nu ți-l va cere niciodată.",
    ].join("\n\n"),
    footer:
      "Acesta este un mesaj automat de la {{productName}}.\nAi nevoie de ajutor? Contactează {{supportContact}}.",
  },
  retry: {
    subject: "Noul tău cod de verificare {{productName}}",
    greeting: "Bună, {{name}},",
    body: [
      "A fost introdus un cod greșit, așa că iată unul nou. Codul anterior nu mai funcționează.",
      "{{code}}",
      "Expiră în {{expiryDuration}} (la ora {{expiryTime}}).",
      "Dacă nu încerci să te conectezi, poți ignora acest e-mail. Nu împărtăși niciodată acest cod cu nimeni; {{productName}} nu ți-l va cere niciodată.",
    ].join("\n\n"),
    footer:
      "Acesta este un mesaj automat de la {{productName}}.\nAi nevoie de ajutor? Contactează {{supportContact}}.",
  },
  lockout: {
    subject: "Conectarea la {{productName}} este suspendată",
    greeting: "Bună, {{name}},",
    body: [
      "Au fost introduse prea multe coduri greșite, așa că am suspendat conectarea la contul tău {{productName}}. Astfel îl protejăm de cineva care încearcă să ghicească codul.",
      "Poți încerca din nou după: {{lockedUntil}}.",
      "Dacă nu ai fost tu sau ai nevoie de ajutor acum, contactează {{supportContact}}.",
    ].join("\n\n"),
    footer: "Acesta este un mesaj automat de la {{productName}}.",
  },
  unlock: {
    subject: "Te poți conecta din nou la {{productName}}",
    greeting: "Bună, {{name}},",
    body: [
      "Suspendarea conectării la {{productName}} s-a încheiat. Poți cere un cod nou oricând dorești.",
      "Dacă nu încercai să te conectezi, contactează {{supportContact}}.",
    ].join("\n\n"),
    footer: "Acesta este un mesaj automat de la {{productName}}.",
  },
};
