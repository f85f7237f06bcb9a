import type { AlphabetName } from "@otpkit/otp-core";

/** Languages of the hosted pages. */
export type Lang = "en" | "es";

/**
 * Picks the page language: the best supported entry of Accept-Language (by q-value), then the
 * verification's own locale, then English.
 */
export function pickLanguage(acceptLanguage: string | undefined, fallback?: string | null): Lang {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { lang: tag.trim().toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const entry of ranked) if (entry.lang === "en" || entry.lang === "es") return entry.lang;
  const base = fallback?.toLowerCase().split("-")[0];
  return base === "es" ? "es" : "en";
}

const en = {
  title: "Enter your verification code",
  endedTitle: "Verification code",
  intro: (destination: string | null) =>
    destination ? `We sent a code to ${destination}.` : "Enter the code we sent you.",
  label: "Verification code",
  hint: "Spaces and dashes are fine.",
  submit: "Verify",
  invalid: (n: number) =>
    `That code is not right. ${n} ${n === 1 ? "attempt" : "attempts"} remaining.`,
  malformed: (length: number, alphabet: AlphabetName) =>
    alphabet === "numeric"
      ? `Enter the ${length}-digit code.`
      : `Enter the ${length}-character code (${alphabet === "alpha" ? "letters" : "letters and digits"}).`,
  exhausted: "Too many wrong attempts for this code. Request a new code.",
  expired: "This code has expired. Request a new code.",
  locked: (minutes: number, time: string) =>
    `Too many failed attempts. Sign-in is paused; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"} (after ${time} UTC).`,
  lockedUntilUnlocked: (support: string | null) =>
    `Too many failed attempts. Sign-in is locked until support unlocks it; ${support ? `contact ${support}` : "contact support"}.`,
  notFound: "This code is no longer valid. Request a new code.",
  verifiedTitle: "You're verified",
  verified: "Thanks, your code is correct. You can close this page.",
  continue: "Continue",
  unknownTitle: "This link is not valid",
  unknown: "The link may be mistyped, or the request was cancelled.",
  cancelled: "This verification was cancelled. Request a new code.",
  tooMany: "Too many requests from your network. Wait a minute and try again.",
  badForm: "The form expired. Reload the page and enter the code again.",
};

const es: typeof en = {
  title: "Introduce tu código de verificación",
  endedTitle: "Código de verificación",
  intro: (destination) =>
    destination ? `Enviamos un código a ${destination}.` : "Introduce el código que te enviamos.",
  label: "Código de verificación",
  hint: "Puedes incluir espacios y guiones.",
  submit: "Verificar",
  invalid: (n) =>
    `El código no es correcto. ${n === 1 ? "Queda 1 intento" : `Quedan ${n} intentos`}.`,
  malformed: (length, alphabet) =>
    alphabet === "numeric"
      ? `Introduce el código de ${length} dígitos.`
      : `Introduce el código de ${length} caracteres (${alphabet === "alpha" ? "letras" : "letras y números"}).`,
  exhausted: "Demasiados intentos fallidos con este código. Solicita un código nuevo.",
  expired: "Este código ha caducado. Solicita un código nuevo.",
  locked: (minutes, time) =>
    `Demasiados intentos fallidos. El acceso está en pausa; vuelve a intentarlo en ${minutes} ${minutes === 1 ? "minuto" : "minutos"} (después de las ${time} UTC).`,
  lockedUntilUnlocked: (support) =>
    `Demasiados intentos fallidos. El acceso está bloqueado hasta que el equipo de soporte lo desbloquee; ${support ? `escribe a ${support}` : "contacta con soporte"}.`,
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

export const MESSAGES: Record<Lang, typeof en> = { en, es };
export type Messages = typeof en;
