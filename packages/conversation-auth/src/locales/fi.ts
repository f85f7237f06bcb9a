import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Finnish. */
export const fi: ConversationMessages = {
  codeSentPhone:
    "Lähetimme vahvistuskoodin profiiliisi tallennettuun numeroon {destination}. Anna koodi (se vanhenee {minutes} minuutissa).",
  codeSentEmail:
    "Lähetimme vahvistuskoodin profiiliisi tallennettuun sähköpostiosoitteeseen {destination}. Anna koodi (se vanhenee {minutes} minuutissa).",
  codeSentGeneric:
    "Jos tiedot vastaavat jotakin profiilia, lähetimme vahvistuskoodin siihen tallennettuun yhteystietoon. Anna koodi (se vanhenee {minutes} minuutissa).",
  incorrectMany: "Väärä koodi. Sinulla on {attempts} yritystä jäljellä.",
  incorrectOne: "Väärä koodi. Sinulla on 1 yritys jäljellä.",
  incorrectResentMany:
    "Väärä koodi. Lähetimme sinulle uuden koodin. Anna uusi koodi. Sinulla on {attempts} yritystä jäljellä.",
  incorrectResentOne:
    "Väärä koodi. Lähetimme sinulle uuden koodin. Anna uusi koodi. Sinulla on 1 yritys jäljellä.",
  replaced: "Tämä koodi on korvattu uudemmalla. Anna viimeisin koodi, jonka lähetimme sinulle.",
  cancelled:
    "Väärä koodi. Vahvistus peruttiin turvallisuussyistä. Kirjoita minulle uudelleen aloittaaksesi alusta.",
  expired: "Koodi on vanhentunut. Kirjoita minulle uudelleen, niin lähetän sinulle uuden.",
  malformed:
    "Tuo ei näytä vahvistuskoodilta. Anna {length}-numeroinen koodi, jonka lähetimme sinulle.",
  verified: "Henkilöllisyys vahvistettu.",
  throttled:
    "Koodi lähetettiin juuri. Odota {seconds} sekuntia ja kirjoita minulle sitten uudelleen.",
  locked:
    "Vahvistus on turvallisuussyistä keskeytetty tämän profiilin osalta. Yritä myöhemmin uudelleen.",
  pending: "Anna vahvistuskoodi, jonka lähetimme sinulle.",
  notStarted: "Vahvistusta ei ole käynnissä. Kerro tunnisteesi, niin lähetän sinulle koodin.",
  sessionExpired: "Istuntosi on vanhentunut. Vahvista henkilöllisyytesi uudelleen jatkaaksesi.",
  sessionActive: "Henkilöllisyytesi on vahvistettu.",
  sessionEnded: "Istuntosi on päättynyt.",
  noChannel:
    "Emme voi lähettää vahvistuskoodia: profiilissasi ei ole puhelinnumeroa eikä sähköpostiosoitetta. Ota yhteyttä tukeen.",
};
