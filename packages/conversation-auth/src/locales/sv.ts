import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Swedish. */
export const sv: ConversationMessages = {
  codeSentPhone:
    "Vi har skickat en verifieringskod till numret {destination} som finns i din profil. Ange koden (den går ut om {minutes} minuter).",
  codeSentEmail:
    "Vi har skickat en verifieringskod till e-postadressen {destination} som finns i din profil. Ange koden (den går ut om {minutes} minuter).",
  codeSentGeneric:
    "Om uppgifterna matchar en profil har vi skickat en verifieringskod till kontakten som finns i den. Ange koden (den går ut om {minutes} minuter).",
  incorrectMany: "Fel kod. Du har {attempts} försök kvar.",
  incorrectOne: "Fel kod. Du har 1 försök kvar.",
  incorrectResentMany:
    "Fel kod. Vi har skickat en ny kod till dig. Ange den. Du har {attempts} försök kvar.",
  incorrectResentOne: "Fel kod. Vi har skickat en ny kod till dig. Ange den. Du har 1 försök kvar.",
  replaced: "Den koden har ersatts av en nyare. Ange den senaste koden som vi skickade till dig.",
  cancelled:
    "Fel kod. Av säkerhetsskäl har verifieringen avbrutits. Skriv till mig igen för att börja om.",
  expired: "Koden har gått ut. Skriv till mig igen så skickar jag en ny.",
  malformed:
    "Det där ser inte ut som en verifieringskod. Ange den {length}-siffriga koden som vi skickade till dig.",
  verified: "Identiteten är verifierad.",
  throttled: "En kod skickades nyss. Vänta {seconds} sekunder och skriv sedan till mig igen.",
  locked: "Av säkerhetsskäl är verifieringen pausad för den här profilen. Försök igen senare.",
  pending: "Ange verifieringskoden som vi skickade till dig.",
  notStarted: "Ingen verifiering pågår. Berätta din identifierare så skickar jag en kod.",
  sessionExpired: "Din session har gått ut. Verifiera din identitet igen för att fortsätta.",
  sessionActive: "Din identitet är verifierad.",
  sessionEnded: "Din session har avslutats.",
  noChannel:
    "Vi kan inte skicka någon verifieringskod: din profil saknar både telefonnummer och e-postadress. Kontakta supporten.",
};
