/**
 * What the agent says at each step. Placeholders in braces are filled in: `{destination}` (masked:
 * `***78`, `a***@example.com`), `{minutes}`, `{attempts}`, `{length}`, `{seconds}`.
 */
export interface ConversationMessages {
  /** The code went to a phone (WhatsApp). */
  codeSentPhone: string;
  /** The code went to an e-mail address. */
  codeSentEmail: string;
  /** With `hideDestination`, and for an identifier no record matches. */
  codeSentGeneric: string;
  /** A wrong code, more than one attempt left. */
  incorrectMany: string;
  /** A wrong code, one attempt left. */
  incorrectOne: string;
  /** The last wrong code: the process is cancelled. */
  cancelled: string;
  /** The code's time is up. */
  expired: string;
  /** The answer does not look like a code (nothing was counted). */
  malformed: string;
  /** The right code. */
  verified: string;
  /** A code was sent moments ago, or too many were sent: wait. */
  throttled: string;
  /** Too many failures for this person: verification is paused. */
  locked: string;
  /** A verification is in progress: the agent is waiting for the code. */
  pending: string;
  /** A code was submitted but no verification is in progress. */
  notStarted: string;
  /** The authenticated session ran out (inactivity or the absolute limit). */
  sessionExpired: string;
  /** The session is active. */
  sessionActive: string;
  /** The session was ended. */
  sessionEnded: string;
  /** The record has neither a usable phone nor an e-mail address. */
  noChannel: string;
}

/**
 * English, with the wording of the product description (seed 004).
 *
 * @example
 * ```ts
 * createConversationAuth({ ...options, messages: { en: { verified: "Thanks, you're verified." } } });
 * ```
 */
export const MESSAGES_EN: Readonly<ConversationMessages> = Object.freeze({
  codeSentPhone:
    "We sent a verification code to the number {destination} registered in your profile. Please enter the code (expires in {minutes} minutes).",
  codeSentEmail:
    "We sent a verification code to the email {destination} registered in your profile. Please enter the code (expires in {minutes} minutes).",
  codeSentGeneric:
    "If the details match a record, we sent a verification code to the contact registered in it. Please enter the code (expires in {minutes} minutes).",
  incorrectMany: "Incorrect code. You have {attempts} attempts remaining.",
  incorrectOne: "Incorrect code. You have 1 attempt remaining.",
  cancelled:
    "Incorrect code. For security, the verification process was cancelled. Message me again to restart.",
  expired: "The code has expired. Please message me again and I will send you a new one.",
  malformed:
    "That does not look like a verification code. Please enter the {length}-digit code we sent you.",
  verified: "Identity verified.",
  throttled: "A code was sent a moment ago. Please wait {seconds} seconds and message me again.",
  locked: "For security, verification is paused for this profile. Please try again later.",
  pending: "Please enter the verification code we sent you.",
  notStarted:
    "There is no verification in progress. Please tell me your identifier and I will send you a code.",
  sessionExpired: "Your session has expired. Please verify your identity again to continue.",
  sessionActive: "Your identity is verified.",
  sessionEnded: "Your session has ended.",
  noChannel:
    "We cannot send a verification code: your profile has no phone number or email. Please contact support.",
});

/**
 * Spanish (neutral Latin American, informal "tú"), used for `es` and every `es-*` locale.
 *
 * @example
 * ```ts
 * await auth.start({ conversationId: "c1", identifier: "4721", locale: "es-MX" });
 * // reply: "Enviamos un código de verificación al número ***78 registrado en tu perfil. …"
 * ```
 */
export const MESSAGES_ES: Readonly<ConversationMessages> = Object.freeze({
  codeSentPhone:
    "Enviamos un código de verificación al número {destination} registrado en tu perfil. Por favor, introduce el código (vence en {minutes} minutos).",
  codeSentEmail:
    "Enviamos un código de verificación al correo {destination} registrado en tu perfil. Por favor, introduce el código (vence en {minutes} minutos).",
  codeSentGeneric:
    "Si los datos coinciden con un registro, enviamos un código de verificación al contacto registrado en él. Por favor, introduce el código (vence en {minutes} minutos).",
  incorrectMany: "Código incorrecto. Te quedan {attempts} intentos.",
  incorrectOne: "Código incorrecto. Te queda 1 intento.",
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
});

/** Operator overrides: per language (`"en"`, `"es"`, `"pt-BR"`), any subset of the messages. */
export type MessageOverrides = Readonly<Record<string, Partial<ConversationMessages>>>;

/**
 * The messages for a locale: the override for the exact tag, then for its language, then the
 * built-in Spanish or English, then English for anything still missing.
 */
export function messagesFor(locale: string, overrides: MessageOverrides): ConversationMessages {
  const tag = locale.toLowerCase();
  const language = tag.split("-")[0] ?? "en";
  const builtIn = language === "es" ? MESSAGES_ES : language === "en" ? MESSAGES_EN : undefined;
  // A language without built-in messages speaks English, with the operator's English overrides.
  const base = builtIn ?? { ...MESSAGES_EN, ...overrides["en"] };
  return { ...base, ...overrides[language], ...(tag === language ? {} : overrides[tag]) };
}

/** `template` with each `{name}` replaced by `values[name]` (unknown names stay as written). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
