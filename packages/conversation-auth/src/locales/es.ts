import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Spanish (neutral Latin American, informal "tú"), seed 004's wording. */
export const es: ConversationMessages = {
  codeSentPhone:
    "Enviamos un código de verificación al número {destination} registrado en tu perfil. Por favor, introduce el código (vence en {minutes} minutos).",
  codeSentEmail:
    "Enviamos un código de verificación al correo {destination} registrado en tu perfil. Por favor, introduce el código (vence en {minutes} minutos).",
  codeSentGeneric:
    "Si los datos coinciden con un registro, enviamos un código de verificación al contacto registrado en él. Por favor, introduce el código (vence en {minutes} minutos).",
  incorrectMany: "Código incorrecto. Te quedan {attempts} intentos.",
  incorrectOne: "Código incorrecto. Te queda 1 intento.",
  incorrectResentMany:
    "Código incorrecto. Te enviamos un código nuevo: introdúcelo. Te quedan {attempts} intentos.",
  incorrectResentOne:
    "Código incorrecto. Te enviamos un código nuevo: introdúcelo. Te queda 1 intento.",
  replaced:
    "Ese código fue reemplazado por uno más nuevo. Por favor, introduce el último código que te enviamos.",
  cancelled:
    "Código incorrecto. Por seguridad, se canceló el proceso de verificación. Escríbeme de nuevo para reiniciar.",
  expired: "El código ha vencido. Por favor, escríbeme de nuevo y te enviaré uno nuevo.",
  malformed:
    "Eso no parece un código de verificación. Por favor, introduce el código de {length} dígitos que te enviamos.",
  verified: "Identidad verificada.",
  throttled:
    "Acabamos de enviar un código. Por favor, espera {seconds} segundos y escríbeme de nuevo.",
  locked:
    "Por seguridad, la verificación está pausada para este perfil. Por favor, inténtalo más tarde.",
  pending: "Por favor, introduce el código de verificación que te enviamos.",
  notStarted: "No hay ninguna verificación en curso. Dime tu identificador y te enviaré un código.",
  sessionExpired: "Tu sesión ha vencido. Por favor, verifica tu identidad de nuevo para continuar.",
  sessionActive: "Tu identidad está verificada.",
  sessionEnded: "Tu sesión ha terminado.",
  noChannel:
    "No podemos enviar un código de verificación: tu perfil no tiene teléfono ni correo. Por favor, contacta a soporte.",
};
