import type { PageStrings } from "../page-strings.js";

/** The hosted page: Italian (informal "tu"). */
export const it: PageStrings = {
  title: "Inserisci il codice di verifica",
  endedTitle: "Codice di verifica",
  introTo: "Abbiamo inviato un codice a {destination}.",
  intro: "Inserisci il codice che ti abbiamo inviato.",
  label: "Codice di verifica",
  hint: "Puoi usare spazi e trattini.",
  submit: "Verifica",
  invalidOne: "Il codice non è corretto. Resta 1 tentativo.",
  invalidMany: "Il codice non è corretto. Restano {attempts} tentativi.",
  replacedTo:
    "Questo codice è stato sostituito: usa il codice più recente che abbiamo inviato a {destination}.",
  replaced: "Questo codice è stato sostituito: usa il codice più recente che ti abbiamo inviato.",
  resentToOne:
    "Abbiamo inviato un nuovo codice a {destination}. Inserisci il nuovo codice (1 tentativo).",
  resentTo:
    "Abbiamo inviato un nuovo codice a {destination}. Inserisci il nuovo codice ({attempts} tentativi).",
  resentOne: "Abbiamo inviato un nuovo codice. Inserisci il nuovo codice (1 tentativo).",
  resent: "Abbiamo inviato un nuovo codice. Inserisci il nuovo codice ({attempts} tentativi).",
  wrongThen: "Il codice non è corretto. {next}",
  resendPrompt: "Non hai ricevuto il codice?",
  resendButton: "Invia un nuovo codice",
  waitSecond: "Potrai chiedere un nuovo codice tra 1 secondo.",
  waitSeconds: "Potrai chiedere un nuovo codice tra {seconds} secondi.",
  waitMinute: "Potrai chiedere un nuovo codice tra 1 minuto.",
  waitMinutes: "Potrai chiedere un nuovo codice tra {minutes} minuti.",
  resendFailed: "Non siamo riusciti a inviare un nuovo codice. Riprova tra un minuto.",
  malformedDigits: "Inserisci il codice di {length} cifre.",
  malformedLetters: "Inserisci il codice di {length} caratteri (lettere).",
  malformedAlphanumeric: "Inserisci il codice di {length} caratteri (lettere e cifre).",
  exhausted: "Troppi tentativi errati per questo codice. Richiedi un nuovo codice.",
  expired: "Questo codice è scaduto. Richiedi un nuovo codice.",
  lockedOne:
    "Troppi tentativi non riusciti. L'accesso è sospeso; riprova tra 1 minuto (dopo le {time} UTC).",
  locked:
    "Troppi tentativi non riusciti. L'accesso è sospeso; riprova tra {minutes} minuti (dopo le {time} UTC).",
  lockedContact:
    "Troppi tentativi non riusciti. L'accesso è bloccato finché l'assistenza non lo sblocca; contatta {support}.",
  lockedSupport:
    "Troppi tentativi non riusciti. L'accesso è bloccato finché l'assistenza non lo sblocca; contatta l'assistenza.",
  notFound: "Questo codice non è più valido. Richiedi un nuovo codice.",
  verifiedTitle: "Verifica completata",
  verified: "Grazie, il codice è corretto. Puoi chiudere questa pagina.",
  continue: "Continua",
  unknownTitle: "Questo link non è valido",
  unknown: "Il link potrebbe essere scritto male, oppure la richiesta è stata annullata.",
  cancelled: "Questa verifica è stata annullata. Richiedi un nuovo codice.",
  tooMany: "Troppe richieste dalla tua rete. Attendi un minuto e riprova.",
  badForm: "Il modulo è scaduto. Ricarica la pagina e inserisci di nuovo il codice.",
};
