import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: French (formal "vous"). */
export const fr: EmailTemplateSet = {
  code: {
    subject: "Votre code de vérification {{productName}}",
    greeting: "Bonjour {{name}},",
    body: [
      "Voici le code de vérification que vous avez demandé :",
      "{{code}}",
      "Il expire dans {{expiryDuration}} (à {{expiryTime}}). Saisissez-le sur la page où vous l'avez demandé.",
      "Si vous n'avez pas demandé ce code, vous pouvez ignorer cet e-mail : personne ne peut l'utiliser sans accès à votre boîte de réception. Ne le communiquez jamais à personne ; {{productName}} ne vous le demandera jamais.",
    ].join("\n\n"),
    footer:
      "Ceci est un message automatique de {{productName}}.\nBesoin d'aide ? Contactez {{supportContact}}.",
  },
  retry: {
    subject: "Votre nouveau code de vérification {{productName}}",
    greeting: "Bonjour {{name}},",
    body: [
      "Un code incorrect a été saisi, voici donc un nouveau code. Le code précédent ne fonctionne plus.",
      "{{code}}",
      "Il expire dans {{expiryDuration}} (à {{expiryTime}}).",
      "Si vous n'essayez pas de vous connecter, vous pouvez ignorer cet e-mail. Ne communiquez jamais ce code à personne ; {{productName}} ne vous le demandera jamais.",
    ].join("\n\n"),
    footer:
      "Ceci est un message automatique de {{productName}}.\nBesoin d'aide ? Contactez {{supportContact}}.",
  },
  lockout: {
    subject: "La connexion à {{productName}} est suspendue",
    greeting: "Bonjour {{name}},",
    body: [
      "Trop de codes incorrects ont été saisis : nous avons donc suspendu la connexion à votre compte {{productName}}. Cela le protège contre toute personne qui tenterait de deviner le code.",
      "Vous pourrez réessayer après le {{lockedUntil}}.",
      "Si ce n'était pas vous, ou si vous avez besoin d'aide maintenant, contactez {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ceci est un message automatique de {{productName}}.",
  },
  unlock: {
    subject: "Vous pouvez de nouveau vous connecter à {{productName}}",
    greeting: "Bonjour {{name}},",
    body: [
      "La suspension de la connexion à {{productName}} a pris fin. Vous pouvez demander un nouveau code quand vous le souhaitez.",
      "Si vous n'essayiez pas de vous connecter, contactez {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ceci est un message automatique de {{productName}}.",
  },
};
