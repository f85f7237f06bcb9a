import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Slovenian (formal). */
export const sl: ConversationMessages = {
  codeSentPhone:
    "Potrditveno kodo smo poslali na številko {destination}, ki je shranjena v vašem profilu. Vnesite kodo (velja {minutes} min).",
  codeSentEmail:
    "Potrditveno kodo smo poslali na e-poštni naslov {destination}, ki je shranjen v vašem profilu. Vnesite kodo (velja {minutes} min).",
  codeSentGeneric:
    "Če se podatki ujemajo s profilom, smo potrditveno kodo poslali na kontakt, ki je shranjen v njem. Vnesite kodo (velja {minutes} min).",
  incorrectMany: "Napačna koda. Število preostalih poskusov: {attempts}.",
  incorrectOne: "Napačna koda. Preostane vam še 1 poskus.",
  incorrectResentMany:
    "Napačna koda. Poslali smo vam novo kodo. Vnesite jo. Število preostalih poskusov: {attempts}.",
  incorrectResentOne:
    "Napačna koda. Poslali smo vam novo kodo. Vnesite jo. Preostane vam še 1 poskus.",
  replaced: "To kodo je nadomestila novejša. Vnesite najnovejšo kodo, ki smo vam jo poslali.",
  cancelled:
    "Napačna koda. Zaradi varnosti je bilo preverjanje preklicano. Pišite mi znova, da začnemo od začetka.",
  expired: "Koda je potekla. Pišite mi znova in poslali vam bomo novo.",
  malformed:
    "To ni videti kot potrditvena koda. Vnesite kodo, ki smo vam jo poslali (število števk: {length}).",
  verified: "Identiteta potrjena.",
  throttled: "Koda je bila pravkar poslana. Počakajte {seconds} s in mi nato pišite znova.",
  locked:
    "Zaradi varnosti je preverjanje za ta profil začasno ustavljeno. Poskusite znova pozneje.",
  pending: "Vnesite potrditveno kodo, ki smo vam jo poslali.",
  notStarted:
    "Nobeno preverjanje ne poteka. Povejte mi svoj identifikator in poslali vam bomo kodo.",
  sessionExpired: "Vaša seja je potekla. Za nadaljevanje znova potrdite svojo identiteto.",
  sessionActive: "Vaša identiteta je potrjena.",
  sessionEnded: "Vaša seja je končana.",
  noChannel:
    "Potrditvene kode ne moremo poslati: v vašem profilu ni telefonske številke ne e-poštnega naslova. Obrnite se na podporo.",
};
