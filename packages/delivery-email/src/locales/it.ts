import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Italian (informal "tu"). */
export const it: EmailTemplateSet = {
  code: {
    subject: "Il tuo codice di verifica {{productName}}",
    greeting: "Ciao {{name}},",
    body: [
      "Ecco il codice di verifica che hai richiesto:",
      "{{code}}",
      "Scade tra {{expiryDuration}} (alle {{expiryTime}}). Inseriscilo nella pagina in cui l'hai richiesto.",
      "Se non hai richiesto questo codice, puoi ignorare questa email: nessuno può usarlo senza accedere alla tua casella di posta. Non condividerlo mai con nessuno; {{productName}} non te lo chiederà mai.",
    ].join("\n\n"),
    footer:
      "Questo è un messaggio automatico di {{productName}}.\nServe aiuto? Contatta {{supportContact}}.",
  },
  retry: {
    subject: "Il tuo nuovo codice di verifica {{productName}}",
    greeting: "Ciao {{name}},",
    body: [
      "È stato inserito un codice errato, quindi eccone uno nuovo. Il codice precedente non è più valido.",
      "{{code}}",
      "Scade tra {{expiryDuration}} (alle {{expiryTime}}).",
      "Se non stai cercando di accedere, puoi ignorare questa email. Non condividere mai questo codice con nessuno; {{productName}} non te lo chiederà mai.",
    ].join("\n\n"),
    footer:
      "Questo è un messaggio automatico di {{productName}}.\nServe aiuto? Contatta {{supportContact}}.",
  },
  lockout: {
    subject: "L'accesso a {{productName}} è sospeso",
    greeting: "Ciao {{name}},",
    body: [
      "Sono stati inseriti troppi codici errati, quindi abbiamo sospeso l'accesso al tuo account {{productName}}. In questo modo lo proteggiamo da chi cerca di indovinare il codice.",
      "Potrai riprovare dopo il {{lockedUntil}}.",
      "Se non hai effettuato tu questi tentativi, o hai bisogno di aiuto subito, contatta {{supportContact}}.",
    ].join("\n\n"),
    footer: "Questo è un messaggio automatico di {{productName}}.",
  },
  unlock: {
    subject: "Puoi di nuovo accedere a {{productName}}",
    greeting: "Ciao {{name}},",
    body: [
      "La sospensione dell'accesso a {{productName}} è terminata. Puoi richiedere un nuovo codice quando vuoi.",
      "Se non stavi cercando di accedere, contatta {{supportContact}}.",
    ].join("\n\n"),
    footer: "Questo è un messaggio automatico di {{productName}}.",
  },
};
