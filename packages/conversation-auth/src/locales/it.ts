import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Italian (informal "tu"). */
export const it: ConversationMessages = {
  codeSentPhone:
    "Abbiamo inviato un codice di verifica al numero {destination} registrato nel tuo profilo. Inserisci il codice (scade tra {minutes} minuti).",
  codeSentEmail:
    "Abbiamo inviato un codice di verifica all'indirizzo email {destination} registrato nel tuo profilo. Inserisci il codice (scade tra {minutes} minuti).",
  codeSentGeneric:
    "Se i dati corrispondono a un profilo, abbiamo inviato un codice di verifica al contatto registrato. Inserisci il codice (scade tra {minutes} minuti).",
  incorrectMany: "Codice errato. Ti restano {attempts} tentativi.",
  incorrectOne: "Codice errato. Ti resta 1 tentativo.",
  incorrectResentMany:
    "Codice errato. Ti abbiamo inviato un nuovo codice: inseriscilo. Ti restano {attempts} tentativi.",
  incorrectResentOne:
    "Codice errato. Ti abbiamo inviato un nuovo codice: inseriscilo. Ti resta 1 tentativo.",
  replaced:
    "Questo codice è stato sostituito da uno più recente. Inserisci l'ultimo codice che ti abbiamo inviato.",
  cancelled:
    "Codice errato. Per sicurezza, la verifica è stata annullata. Scrivimi di nuovo per ricominciare.",
  expired: "Il codice è scaduto. Scrivimi di nuovo e te ne invierò uno nuovo.",
  malformed:
    "Questo non sembra un codice di verifica. Inserisci il codice di {length} cifre che ti abbiamo inviato.",
  verified: "Identità verificata.",
  throttled: "Abbiamo appena inviato un codice. Attendi {seconds} secondi e scrivimi di nuovo.",
  locked: "Per sicurezza, la verifica è sospesa per questo profilo. Riprova più tardi.",
  pending: "Inserisci il codice di verifica che ti abbiamo inviato.",
  notStarted:
    "Non c'è nessuna verifica in corso. Dimmi il tuo identificativo e ti invierò un codice.",
  sessionExpired: "La tua sessione è scaduta. Verifica di nuovo la tua identità per continuare.",
  sessionActive: "La tua identità è verificata.",
  sessionEnded: "La tua sessione è terminata.",
  noChannel:
    "Non possiamo inviare un codice di verifica: nel tuo profilo non c'è né un numero di telefono né un indirizzo email. Contatta l'assistenza.",
};
