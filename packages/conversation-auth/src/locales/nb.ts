import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Norwegian Bokmål (also for `no` and `nn`). */
export const nb: ConversationMessages = {
  codeSentPhone:
    "Vi har sendt en bekreftelseskode til nummeret {destination} som er registrert i profilen din. Skriv inn koden (den utløper om {minutes} minutter).",
  codeSentEmail:
    "Vi har sendt en bekreftelseskode til e-postadressen {destination} som er registrert i profilen din. Skriv inn koden (den utløper om {minutes} minutter).",
  codeSentGeneric:
    "Hvis opplysningene stemmer med en profil, har vi sendt en bekreftelseskode til kontakten som er registrert der. Skriv inn koden (den utløper om {minutes} minutter).",
  incorrectMany: "Feil kode. Du har {attempts} forsøk igjen.",
  incorrectOne: "Feil kode. Du har 1 forsøk igjen.",
  incorrectResentMany:
    "Feil kode. Vi har sendt deg en ny kode. Skriv den inn. Du har {attempts} forsøk igjen.",
  incorrectResentOne:
    "Feil kode. Vi har sendt deg en ny kode. Skriv den inn. Du har 1 forsøk igjen.",
  replaced: "Den koden er erstattet av en nyere. Skriv inn den nyeste koden vi sendte deg.",
  cancelled:
    "Feil kode. Av sikkerhetshensyn er bekreftelsen avbrutt. Skriv til meg igjen for å starte på nytt.",
  expired: "Koden har utløpt. Skriv til meg igjen, så sender jeg deg en ny.",
  malformed:
    "Det ser ikke ut som en bekreftelseskode. Skriv inn den {length}-sifrede koden vi sendte deg.",
  verified: "Identiteten er bekreftet.",
  throttled:
    "En kode ble sendt for et øyeblikk siden. Vent {seconds} sekunder, og skriv så til meg igjen.",
  locked:
    "Av sikkerhetshensyn er bekreftelsen satt på pause for denne profilen. Prøv igjen senere.",
  pending: "Skriv inn bekreftelseskoden vi sendte deg.",
  notStarted: "Ingen bekreftelse pågår. Oppgi ID-en din, så sender jeg deg en kode.",
  sessionExpired: "Økten din har utløpt. Bekreft identiteten din på nytt for å fortsette.",
  sessionActive: "Identiteten din er bekreftet.",
  sessionEnded: "Økten din er avsluttet.",
  noChannel:
    "Vi kan ikke sende en bekreftelseskode: Profilen din har verken telefonnummer eller e-postadresse. Kontakt kundestøtte.",
};
