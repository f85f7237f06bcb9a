import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Croatian (formal). */
export const hr: ConversationMessages = {
  codeSentPhone:
    "Poslali smo kôd za potvrdu na broj {destination} naveden u vašem profilu. Unesite kôd (vrijedi {minutes} min).",
  codeSentEmail:
    "Poslali smo kôd za potvrdu na adresu e-pošte {destination} navedenu u vašem profilu. Unesite kôd (vrijedi {minutes} min).",
  codeSentGeneric:
    "Ako se podaci podudaraju s nekim profilom, poslali smo kôd za potvrdu na kontakt naveden u njemu. Unesite kôd (vrijedi {minutes} min).",
  incorrectMany: "Pogrešan kôd. Preostalo pokušaja: {attempts}.",
  incorrectOne: "Pogrešan kôd. Preostao vam je još 1 pokušaj.",
  incorrectResentMany:
    "Pogrešan kôd. Poslali smo vam novi kôd. Unesite ga. Preostalo pokušaja: {attempts}.",
  incorrectResentOne:
    "Pogrešan kôd. Poslali smo vam novi kôd. Unesite ga. Preostao vam je još 1 pokušaj.",
  replaced: "Taj je kôd zamijenjen novijim. Unesite najnoviji kôd koji smo vam poslali.",
  cancelled:
    "Pogrešan kôd. Iz sigurnosnih razloga postupak potvrde je otkazan. Ponovno mi pišite da biste počeli ispočetka.",
  expired: "Kôd je istekao. Ponovno mi pišite i poslat ću vam novi.",
  malformed:
    "To ne izgleda kao kôd za potvrdu. Unesite kôd koji smo vam poslali (broj znamenki: {length}).",
  verified: "Identitet potvrđen.",
  throttled: "Kôd je upravo poslan. Pričekajte {seconds} s i ponovno mi pišite.",
  locked:
    "Iz sigurnosnih razloga potvrda je za ovaj profil privremeno zaustavljena. Pokušajte ponovno kasnije.",
  pending: "Unesite kôd za potvrdu koji smo vam poslali.",
  notStarted: "Nijedna potvrda nije u tijeku. Recite mi svoj identifikator i poslat ću vam kôd.",
  sessionExpired: "Vaša je sesija istekla. Za nastavak ponovno potvrdite svoj identitet.",
  sessionActive: "Vaš je identitet potvrđen.",
  sessionEnded: "Vaša je sesija završena.",
  noChannel:
    "Ne možemo poslati kôd za potvrdu: u vašem profilu nema ni broja telefona ni adrese e-pošte. Obratite se podršci.",
};
