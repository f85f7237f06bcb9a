import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Spanish (neutral Spanish, tuteo). */
export const es: EmailTemplateSet = {
  code: {
    subject: "Tu código de verificación de {{productName}}",
    greeting: "Hola, {{name}}:",
    body: [
      "Este es el código de verificación que has solicitado:",
      "{{code}}",
      "Caduca en {{expiryDuration}} (a las {{expiryTime}}). Introdúcelo en la página donde lo pediste.",
      "Si no has pedido este código, puedes ignorar este correo: nadie puede usarlo sin acceso a tu bandeja de entrada. No lo compartas con nadie; {{productName}} nunca te lo pedirá.",
    ].join("\n\n"),
    footer:
      "Este es un mensaje automático de {{productName}}.\n¿Necesitas ayuda? Escribe a {{supportContact}}.",
  },
  retry: {
    subject: "Tu nuevo código de verificación de {{productName}}",
    greeting: "Hola, {{name}}:",
    body: [
      "Se introdujo un código incorrecto, así que aquí tienes uno nuevo. El código anterior ya no funciona.",
      "{{code}}",
      "Caduca en {{expiryDuration}} (a las {{expiryTime}}).",
      "Si no estás intentando iniciar sesión, puedes ignorar este correo. No compartas este código con nadie; {{productName}} nunca te lo pedirá.",
    ].join("\n\n"),
    footer:
      "Este es un mensaje automático de {{productName}}.\n¿Necesitas ayuda? Escribe a {{supportContact}}.",
  },
  lockout: {
    subject: "El inicio de sesión en {{productName}} está en pausa",
    greeting: "Hola, {{name}}:",
    body: [
      "Se introdujeron demasiados códigos incorrectos, así que hemos pausado el inicio de sesión en tu cuenta de {{productName}}. Así la protegemos de quien intente adivinar el código.",
      "Podrás volver a intentarlo a partir de: {{lockedUntil}}.",
      "Si no has sido tú, o necesitas ayuda ahora, escribe a {{supportContact}}.",
    ].join("\n\n"),
    footer: "Este es un mensaje automático de {{productName}}.",
  },
  unlock: {
    subject: "Ya puedes iniciar sesión en {{productName}}",
    greeting: "Hola, {{name}}:",
    body: [
      "La pausa del inicio de sesión en {{productName}} ha terminado. Puedes pedir un código nuevo cuando quieras.",
      "Si no estabas intentando iniciar sesión, escribe a {{supportContact}}.",
    ].join("\n\n"),
    footer: "Este es un mensaje automático de {{productName}}.",
  },
};
