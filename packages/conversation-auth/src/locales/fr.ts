import type { ConversationMessages } from "../messages.js";

/** Conversation replies: French (formal "vous"). */
export const fr: ConversationMessages = {
  codeSentPhone:
    "Nous avons envoyé un code de vérification au numéro {destination} enregistré dans votre profil. Veuillez saisir le code (il expire dans {minutes} minutes).",
  codeSentEmail:
    "Nous avons envoyé un code de vérification à l'adresse e-mail {destination} enregistrée dans votre profil. Veuillez saisir le code (il expire dans {minutes} minutes).",
  codeSentGeneric:
    "Si les informations correspondent à un dossier, nous avons envoyé un code de vérification au contact qui y est enregistré. Veuillez saisir le code (il expire dans {minutes} minutes).",
  incorrectMany: "Code incorrect. Il vous reste {attempts} tentatives.",
  incorrectOne: "Code incorrect. Il vous reste 1 tentative.",
  incorrectResentMany:
    "Code incorrect. Nous vous avons envoyé un nouveau code. Veuillez le saisir. Il vous reste {attempts} tentatives.",
  incorrectResentOne:
    "Code incorrect. Nous vous avons envoyé un nouveau code. Veuillez le saisir. Il vous reste 1 tentative.",
  replaced:
    "Ce code a été remplacé par un code plus récent. Veuillez saisir le dernier code que nous vous avons envoyé.",
  cancelled:
    "Code incorrect. Par sécurité, la vérification a été annulée. Écrivez-moi de nouveau pour recommencer.",
  expired: "Le code a expiré. Écrivez-moi de nouveau et je vous en enverrai un autre.",
  malformed:
    "Cela ne ressemble pas à un code de vérification. Veuillez saisir le code à {length} chiffres que nous vous avons envoyé.",
  verified: "Identité vérifiée.",
  throttled:
    "Un code vient d'être envoyé. Veuillez patienter {seconds} secondes, puis écrivez-moi de nouveau.",
  locked:
    "Par sécurité, la vérification est suspendue pour ce profil. Veuillez réessayer plus tard.",
  pending: "Veuillez saisir le code de vérification que nous vous avons envoyé.",
  notStarted:
    "Aucune vérification n'est en cours. Indiquez-moi votre identifiant et je vous enverrai un code.",
  sessionExpired:
    "Votre session a expiré. Veuillez vérifier de nouveau votre identité pour continuer.",
  sessionActive: "Votre identité est vérifiée.",
  sessionEnded: "Votre session est terminée.",
  noChannel:
    "Nous ne pouvons pas envoyer de code de vérification : votre profil ne contient ni numéro de téléphone ni adresse e-mail. Veuillez contacter l'assistance.",
};
