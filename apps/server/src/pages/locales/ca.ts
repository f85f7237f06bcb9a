import type { PageStrings } from "../page-strings.js";

/** The hosted page: Catalan (informal "tu"). */
export const ca: PageStrings = {
  title: "Introdueix el teu codi de verificació",
  endedTitle: "Codi de verificació",
  introTo: "Hem enviat un codi a {destination}.",
  intro: "Introdueix el codi que t'hem enviat.",
  label: "Codi de verificació",
  hint: "Pots incloure espais i guions.",
  submit: "Verifica",
  invalidOne: "El codi no és correcte. Queda 1 intent.",
  invalidMany: "El codi no és correcte. Queden {attempts} intents.",
  replacedTo:
    "Aquest codi s'ha substituït: fes servir l'últim codi que hem enviat a {destination}.",
  replaced: "Aquest codi s'ha substituït: fes servir l'últim codi que t'hem enviat.",
  resentToOne: "T'hem enviat un codi nou a {destination}. Introdueix el codi nou (1 intent).",
  resentTo:
    "T'hem enviat un codi nou a {destination}. Introdueix el codi nou ({attempts} intents).",
  resentOne: "T'hem enviat un codi nou. Introdueix el codi nou (1 intent).",
  resent: "T'hem enviat un codi nou. Introdueix el codi nou ({attempts} intents).",
  wrongThen: "El codi no és correcte. {next}",
  resendPrompt: "No t'ha arribat el codi?",
  resendButton: "Envia un codi nou",
  waitSecond: "Podràs demanar un codi nou d'aquí a 1 segon.",
  waitSeconds: "Podràs demanar un codi nou d'aquí a {seconds} segons.",
  waitMinute: "Podràs demanar un codi nou d'aquí a 1 minut.",
  waitMinutes: "Podràs demanar un codi nou d'aquí a {minutes} minuts.",
  resendFailed: "No hem pogut enviar un codi nou. Torna-ho a provar d'aquí a un minut.",
  malformedDigits: "Introdueix el codi de {length} xifres.",
  malformedLetters: "Introdueix el codi de {length} caràcters (lletres).",
  malformedAlphanumeric: "Introdueix el codi de {length} caràcters (lletres i xifres).",
  exhausted: "Massa intents erronis amb aquest codi. Demana un codi nou.",
  expired: "Aquest codi ha caducat. Demana un codi nou.",
  lockedOne:
    "Massa intents fallits. L'accés està en pausa; torna-ho a provar d'aquí a 1 minut (després de les {time} UTC).",
  locked:
    "Massa intents fallits. L'accés està en pausa; torna-ho a provar d'aquí a {minutes} minuts (després de les {time} UTC).",
  lockedContact:
    "Massa intents fallits. L'accés està bloquejat fins que el servei d'assistència el desbloquegi; escriu a {support}.",
  lockedSupport:
    "Massa intents fallits. L'accés està bloquejat fins que el servei d'assistència el desbloquegi; contacta amb l'assistència.",
  notFound: "Aquest codi ja no és vàlid. Demana un codi nou.",
  verifiedTitle: "Verificació completada",
  verified: "Gràcies, el codi és correcte. Ja pots tancar aquesta pàgina.",
  continue: "Continua",
  unknownTitle: "Aquest enllaç no és vàlid",
  unknown: "Potser l'enllaç està mal escrit, o la sol·licitud s'ha cancel·lat.",
  cancelled: "Aquesta verificació s'ha cancel·lat. Demana un codi nou.",
  tooMany: "Massa sol·licituds des de la teva xarxa. Espera un minut i torna-ho a provar.",
  badForm: "El formulari ha caducat. Torna a carregar la pàgina i introdueix el codi de nou.",
};
