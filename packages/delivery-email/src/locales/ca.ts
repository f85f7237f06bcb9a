import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Catalan (informal "tu"). */
export const ca: EmailTemplateSet = {
  code: {
    subject: "El teu codi de verificació de {{productName}}",
    greeting: "Hola, {{name}}:",
    body: [
      "Aquest és el codi de verificació que has demanat:",
      "{{code}}",
      "Caduca d'aquí a {{expiryDuration}} (a les {{expiryTime}}). Introdueix-lo a la pàgina on l'has demanat.",
      "Si no has demanat aquest codi, pots ignorar aquest correu: ningú no el pot fer servir sense accés a la teva safata d'entrada. No el comparteixis mai amb ningú; {{productName}} no te'l demanarà mai.",
    ].join("\n\n"),
    footer:
      "Aquest és un missatge automàtic de {{productName}}.\nNecessites ajuda? Escriu a {{supportContact}}.",
  },
  retry: {
    subject: "El teu nou codi de verificació de {{productName}}",
    greeting: "Hola, {{name}}:",
    body: [
      "S'ha introduït un codi incorrecte, així que aquí en tens un de nou. El codi anterior ja no funciona.",
      "{{code}}",
      "Caduca d'aquí a {{expiryDuration}} (a les {{expiryTime}}).",
      "Si no estàs intentant iniciar sessió, pots ignorar aquest correu. No comparteixis mai aquest codi amb ningú; {{productName}} no te'l demanarà mai.",
    ].join("\n\n"),
    footer:
      "Aquest és un missatge automàtic de {{productName}}.\nNecessites ajuda? Escriu a {{supportContact}}.",
  },
  lockout: {
    subject: "L'inici de sessió a {{productName}} està en pausa",
    greeting: "Hola, {{name}}:",
    body: [
      "S'han introduït massa codis incorrectes, així que hem posat en pausa l'inici de sessió al teu compte de {{productName}}. Així el protegim de qui intenti endevinar el codi.",
      "Podràs tornar-ho a provar a partir de: {{lockedUntil}}.",
      "Si no has estat tu, o necessites ajuda ara, escriu a {{supportContact}}.",
    ].join("\n\n"),
    footer: "Aquest és un missatge automàtic de {{productName}}.",
  },
  unlock: {
    subject: "Ja pots tornar a iniciar sessió a {{productName}}",
    greeting: "Hola, {{name}}:",
    body: [
      "La pausa de l'inici de sessió a {{productName}} ha acabat. Pots demanar un codi nou quan vulguis.",
      "Si no estaves intentant iniciar sessió, escriu a {{supportContact}}.",
    ].join("\n\n"),
    footer: "Aquest és un missatge automàtic de {{productName}}.",
  },
};
