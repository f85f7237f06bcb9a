import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Afrikaans. */
export const af: ConversationMessages = {
  codeSentPhone:
    "Ons het 'n verifikasiekode gestuur na die nommer {destination} wat in jou profiel geregistreer is. Voer asseblief die kode in (dit verval oor {minutes} minute).",
  codeSentEmail:
    "Ons het 'n verifikasiekode gestuur na die e-posadres {destination} wat in jou profiel geregistreer is. Voer asseblief die kode in (dit verval oor {minutes} minute).",
  codeSentGeneric:
    "As die besonderhede by 'n rekord pas, het ons 'n verifikasiekode gestuur na die kontak wat daarin geregistreer is. Voer asseblief die kode in (dit verval oor {minutes} minute).",
  incorrectMany: "Verkeerde kode. Jy het nog {attempts} pogings oor.",
  incorrectOne: "Verkeerde kode. Jy het nog 1 poging oor.",
  incorrectResentMany:
    "Verkeerde kode. Ons het vir jou 'n nuwe kode gestuur: voer dit asseblief in. Jy het nog {attempts} pogings oor.",
  incorrectResentOne:
    "Verkeerde kode. Ons het vir jou 'n nuwe kode gestuur: voer dit asseblief in. Jy het nog 1 poging oor.",
  replaced:
    "Daardie kode is deur 'n nuwer een vervang. Voer asseblief die nuutste kode in wat ons vir jou gestuur het.",
  cancelled:
    "Verkeerde kode. Vir veiligheid is die verifikasie gekanselleer. Stuur weer vir my 'n boodskap om oor te begin.",
  expired:
    "Die kode het verval. Stuur asseblief weer vir my 'n boodskap, dan stuur ek vir jou 'n nuwe een.",
  malformed:
    "Dit lyk nie na 'n verifikasiekode nie. Voer asseblief die {length}-syferkode in wat ons vir jou gestuur het.",
  verified: "Identiteit geverifieer.",
  throttled:
    "'n Kode is so pas gestuur. Wag asseblief {seconds} sekondes en stuur dan weer vir my 'n boodskap.",
  locked:
    "Vir veiligheid is verifikasie vir hierdie profiel tydelik gestaak. Probeer asseblief later weer.",
  pending: "Voer asseblief die verifikasiekode in wat ons vir jou gestuur het.",
  notStarted:
    "Daar is geen verifikasie aan die gang nie. Gee my jou identifiseerder, dan stuur ek vir jou 'n kode.",
  sessionExpired:
    "Jou sessie het verval. Verifieer asseblief weer jou identiteit om voort te gaan.",
  sessionActive: "Jou identiteit is geverifieer.",
  sessionEnded: "Jou sessie het geëindig.",
  noChannel:
    "Ons kan nie 'n verifikasiekode stuur nie: jou profiel het geen telefoonnommer of e-posadres nie. Kontak asseblief ondersteuning.",
};
