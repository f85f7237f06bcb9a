import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Catalan (informal "tu"). */
export const ca: ConversationMessages = {
  codeSentPhone:
    "Hem enviat un codi de verificació al número {destination} registrat al teu perfil. Introdueix el codi (caduca d'aquí a {minutes} minuts).",
  codeSentEmail:
    "Hem enviat un codi de verificació al correu {destination} registrat al teu perfil. Introdueix el codi (caduca d'aquí a {minutes} minuts).",
  codeSentGeneric:
    "Si les dades coincideixen amb un registre, hem enviat un codi de verificació al contacte que hi consta. Introdueix el codi (caduca d'aquí a {minutes} minuts).",
  incorrectMany: "Codi incorrecte. Et queden {attempts} intents.",
  incorrectOne: "Codi incorrecte. Et queda 1 intent.",
  incorrectResentMany:
    "Codi incorrecte. T'hem enviat un codi nou: introdueix-lo. Et queden {attempts} intents.",
  incorrectResentOne:
    "Codi incorrecte. T'hem enviat un codi nou: introdueix-lo. Et queda 1 intent.",
  replaced:
    "Aquest codi s'ha substituït per un de més nou. Introdueix l'últim codi que t'hem enviat.",
  cancelled:
    "Codi incorrecte. Per seguretat, s'ha cancel·lat el procés de verificació. Escriu-me de nou per tornar a començar.",
  expired: "El codi ha caducat. Escriu-me de nou i t'enviaré un codi nou.",
  malformed:
    "Això no sembla un codi de verificació. Introdueix el codi de {length} xifres que t'hem enviat.",
  verified: "Identitat verificada.",
  throttled: "Acabem d'enviar un codi. Espera {seconds} segons i escriu-me de nou.",
  locked:
    "Per seguretat, la verificació està en pausa per a aquest perfil. Torna-ho a provar més tard.",
  pending: "Introdueix el codi de verificació que t'hem enviat.",
  notStarted:
    "No hi ha cap verificació en curs. Digues-me el teu identificador i t'enviaré un codi.",
  sessionExpired: "La teva sessió ha caducat. Torna a verificar la teva identitat per continuar.",
  sessionActive: "La teva identitat està verificada.",
  sessionEnded: "La teva sessió ha acabat.",
  noChannel:
    "No podem enviar un codi de verificació: el teu perfil no té ni telèfon ni correu. Contacta amb el servei d'assistència.",
};
