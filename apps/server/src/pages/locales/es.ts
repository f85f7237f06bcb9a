import type { PageStrings } from "../page-strings.js";

/** The hosted page: Spanish (neutral, informal "tú"). */
export const es: PageStrings = {
  title: "Introduce tu código de verificación",
  endedTitle: "Código de verificación",
  introTo: "Enviamos un código a {destination}.",
  intro: "Introduce el código que te enviamos.",
  label: "Código de verificación",
  hint: "Puedes incluir espacios y guiones.",
  submit: "Verificar",
  invalidOne: "El código no es correcto. Queda 1 intento.",
  invalidMany: "El código no es correcto. Quedan {attempts} intentos.",
  replacedTo:
    "Ese código fue reemplazado: usa el código más reciente que enviamos a {destination}.",
  replaced: "Ese código fue reemplazado: usa el código más reciente que te enviamos.",
  resentToOne:
    "Te enviamos un código nuevo a {destination}. Introduce el código nuevo (1 intento).",
  resentTo:
    "Te enviamos un código nuevo a {destination}. Introduce el código nuevo ({attempts} intentos).",
  resentOne: "Te enviamos un código nuevo. Introduce el código nuevo (1 intento).",
  resent: "Te enviamos un código nuevo. Introduce el código nuevo ({attempts} intentos).",
  wrongThen: "El código no es correcto. {next}",
  resendPrompt: "¿No te ha llegado el código?",
  resendButton: "Enviar un código nuevo",
  waitSecond: "Podrás pedir un código nuevo dentro de 1 segundo.",
  waitSeconds: "Podrás pedir un código nuevo dentro de {seconds} segundos.",
  waitMinute: "Podrás pedir un código nuevo dentro de 1 minuto.",
  waitMinutes: "Podrás pedir un código nuevo dentro de {minutes} minutos.",
  resendFailed: "No pudimos enviar un código nuevo. Inténtalo de nuevo en un minuto.",
  malformedDigits: "Introduce el código de {length} dígitos.",
  malformedLetters: "Introduce el código de {length} caracteres (letras).",
  malformedAlphanumeric: "Introduce el código de {length} caracteres (letras y números).",
  exhausted: "Demasiados intentos fallidos con este código. Solicita un código nuevo.",
  expired: "Este código ha caducado. Solicita un código nuevo.",
  lockedOne:
    "Demasiados intentos fallidos. El acceso está en pausa; vuelve a intentarlo en 1 minuto (después de las {time} UTC).",
  locked:
    "Demasiados intentos fallidos. El acceso está en pausa; vuelve a intentarlo en {minutes} minutos (después de las {time} UTC).",
  lockedContact:
    "Demasiados intentos fallidos. El acceso está bloqueado hasta que el equipo de soporte lo desbloquee; escribe a {support}.",
  lockedSupport:
    "Demasiados intentos fallidos. El acceso está bloqueado hasta que el equipo de soporte lo desbloquee; contacta con soporte.",
  notFound: "Este código ya no es válido. Solicita un código nuevo.",
  verifiedTitle: "Verificación completada",
  verified: "Gracias, el código es correcto. Ya puedes cerrar esta página.",
  continue: "Continuar",
  unknownTitle: "Este enlace no es válido",
  unknown: "Puede que el enlace esté mal escrito o que la solicitud se haya cancelado.",
  cancelled: "Esta verificación se canceló. Solicita un código nuevo.",
  tooMany: "Demasiadas solicitudes desde tu red. Espera un minuto y vuelve a intentarlo.",
  badForm: "El formulario ha caducado. Recarga la página e introduce el código de nuevo.",
};
