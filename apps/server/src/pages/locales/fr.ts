import type { PageStrings } from "../page-strings.js";

/** The hosted page: French (formal "vous"). */
export const fr: PageStrings = {
  title: "Saisissez votre code de vérification",
  endedTitle: "Code de vérification",
  introTo: "Nous avons envoyé un code à {destination}.",
  intro: "Saisissez le code que nous vous avons envoyé.",
  label: "Code de vérification",
  hint: "Les espaces et les tirets sont acceptés.",
  submit: "Vérifier",
  invalidOne: "Ce code n'est pas correct. Il reste 1 tentative.",
  invalidMany: "Ce code n'est pas correct. Il reste {attempts} tentatives.",
  replacedTo:
    "Ce code a été remplacé. Utilisez le code le plus récent que nous avons envoyé à {destination}.",
  replaced: "Ce code a été remplacé. Utilisez le code le plus récent que nous vous avons envoyé.",
  resentToOne:
    "Nous avons envoyé un nouveau code à {destination}. Saisissez le nouveau code (1 tentative).",
  resentTo:
    "Nous avons envoyé un nouveau code à {destination}. Saisissez le nouveau code ({attempts} tentatives).",
  resentOne: "Nous avons envoyé un nouveau code. Saisissez le nouveau code (1 tentative).",
  resent: "Nous avons envoyé un nouveau code. Saisissez le nouveau code ({attempts} tentatives).",
  wrongThen: "Ce code n'est pas correct. {next}",
  resendPrompt: "Vous n'avez pas reçu le code ?",
  resendButton: "Envoyer un nouveau code",
  waitSecond: "Vous pourrez demander un nouveau code dans 1 seconde.",
  waitSeconds: "Vous pourrez demander un nouveau code dans {seconds} secondes.",
  waitMinute: "Vous pourrez demander un nouveau code dans 1 minute.",
  waitMinutes: "Vous pourrez demander un nouveau code dans {minutes} minutes.",
  resendFailed: "Nous n'avons pas pu envoyer de nouveau code. Réessayez dans une minute.",
  malformedDigits: "Saisissez le code à {length} chiffres.",
  malformedLetters: "Saisissez le code à {length} caractères (lettres).",
  malformedAlphanumeric: "Saisissez le code à {length} caractères (lettres et chiffres).",
  exhausted: "Trop de tentatives erronées pour ce code. Demandez un nouveau code.",
  expired: "Ce code a expiré. Demandez un nouveau code.",
  lockedOne:
    "Trop de tentatives échouées. La connexion est suspendue ; réessayez dans 1 minute (après {time} UTC).",
  locked:
    "Trop de tentatives échouées. La connexion est suspendue ; réessayez dans {minutes} minutes (après {time} UTC).",
  lockedContact:
    "Trop de tentatives échouées. La connexion est bloquée jusqu'à ce que l'assistance la débloque ; contactez {support}.",
  lockedSupport:
    "Trop de tentatives échouées. La connexion est bloquée jusqu'à ce que l'assistance la débloque ; contactez l'assistance.",
  notFound: "Ce code n'est plus valide. Demandez un nouveau code.",
  verifiedTitle: "Vérification réussie",
  verified: "Merci, votre code est correct. Vous pouvez fermer cette page.",
  continue: "Continuer",
  unknownTitle: "Ce lien n'est pas valide",
  unknown: "Le lien est peut-être mal saisi, ou la demande a été annulée.",
  cancelled: "Cette vérification a été annulée. Demandez un nouveau code.",
  tooMany: "Trop de requêtes depuis votre réseau. Attendez une minute et réessayez.",
  badForm: "Le formulaire a expiré. Rechargez la page et saisissez de nouveau le code.",
};
