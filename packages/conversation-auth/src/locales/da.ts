import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Danish. */
export const da: ConversationMessages = {
  codeSentPhone:
    "Vi har sendt en bekræftelseskode til nummeret {destination}, som er registreret i din profil. Indtast koden (den udløber om {minutes} minutter).",
  codeSentEmail:
    "Vi har sendt en bekræftelseskode til e-mailadressen {destination}, som er registreret i din profil. Indtast koden (den udløber om {minutes} minutter).",
  codeSentGeneric:
    "Hvis oplysningerne passer til en profil, har vi sendt en bekræftelseskode til den kontakt, der er registreret i den. Indtast koden (den udløber om {minutes} minutter).",
  incorrectMany: "Forkert kode. Du har {attempts} forsøg tilbage.",
  incorrectOne: "Forkert kode. Du har 1 forsøg tilbage.",
  incorrectResentMany:
    "Forkert kode. Vi har sendt dig en ny kode. Indtast den. Du har {attempts} forsøg tilbage.",
  incorrectResentOne:
    "Forkert kode. Vi har sendt dig en ny kode. Indtast den. Du har 1 forsøg tilbage.",
  replaced: "Den kode er blevet erstattet af en nyere. Indtast den seneste kode, vi har sendt dig.",
  cancelled:
    "Forkert kode. Af sikkerhedshensyn er bekræftelsen annulleret. Skriv til mig igen for at starte forfra.",
  expired: "Koden er udløbet. Skriv til mig igen, så sender jeg dig en ny.",
  malformed:
    "Det ligner ikke en bekræftelseskode. Indtast den {length}-cifrede kode, vi har sendt dig.",
  verified: "Identitet bekræftet.",
  throttled:
    "Der blev sendt en kode for et øjeblik siden. Vent {seconds} sekunder, og skriv så til mig igen.",
  locked: "Af sikkerhedshensyn er bekræftelsen sat på pause for denne profil. Prøv igen senere.",
  pending: "Indtast den bekræftelseskode, vi har sendt dig.",
  notStarted: "Der er ingen bekræftelse i gang. Fortæl mig dit ID, så sender jeg dig en kode.",
  sessionExpired: "Din session er udløbet. Bekræft din identitet igen for at fortsætte.",
  sessionActive: "Din identitet er bekræftet.",
  sessionEnded: "Din session er afsluttet.",
  noChannel:
    "Vi kan ikke sende en bekræftelseskode: Din profil har hverken telefonnummer eller e-mailadresse. Kontakt support.",
};
