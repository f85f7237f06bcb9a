import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Swahili. */
export const sw: ConversationMessages = {
  codeSentPhone:
    "Tumetuma msimbo wa uthibitishaji kwa namba {destination} iliyosajiliwa kwenye wasifu wako. Tafadhali weka msimbo huo (utaisha muda baada ya dakika {minutes}).",
  codeSentEmail:
    "Tumetuma msimbo wa uthibitishaji kwa barua pepe {destination} iliyosajiliwa kwenye wasifu wako. Tafadhali weka msimbo huo (utaisha muda baada ya dakika {minutes}).",
  codeSentGeneric:
    "Ikiwa taarifa zinalingana na rekodi fulani, tumetuma msimbo wa uthibitishaji kwa mawasiliano yaliyosajiliwa humo. Tafadhali weka msimbo huo (utaisha muda baada ya dakika {minutes}).",
  incorrectMany: "Msimbo si sahihi. Umebakiwa na majaribio {attempts}.",
  incorrectOne: "Msimbo si sahihi. Umebakiwa na jaribio 1.",
  incorrectResentMany:
    "Msimbo si sahihi. Tumekutumia msimbo mpya. Tafadhali uweke. Umebakiwa na majaribio {attempts}.",
  incorrectResentOne:
    "Msimbo si sahihi. Tumekutumia msimbo mpya. Tafadhali uweke. Umebakiwa na jaribio 1.",
  replaced:
    "Msimbo huo umebadilishwa na mpya zaidi. Tafadhali weka msimbo wa hivi karibuni tuliokutumia.",
  cancelled:
    "Msimbo si sahihi. Kwa usalama, mchakato wa uthibitishaji umesitishwa. Nitumie ujumbe tena ili kuanza upya.",
  expired: "Muda wa msimbo umekwisha. Tafadhali nitumie ujumbe tena nami nitakutumia msimbo mpya.",
  malformed:
    "Huo hauonekani kuwa msimbo wa uthibitishaji. Tafadhali weka msimbo wa tarakimu {length} tuliokutumia.",
  verified: "Utambulisho umethibitishwa.",
  throttled:
    "Msimbo umetumwa hivi punde. Tafadhali subiri sekunde {seconds} kisha unitumie ujumbe tena.",
  locked:
    "Kwa usalama, uthibitishaji wa wasifu huu umesimamishwa kwa muda. Tafadhali jaribu tena baadaye.",
  pending: "Tafadhali weka msimbo wa uthibitishaji tuliokutumia.",
  notStarted:
    "Hakuna uthibitishaji unaoendelea. Niambie kitambulisho chako nami nitakutumia msimbo.",
  sessionExpired:
    "Muda wa kipindi chako umekwisha. Tafadhali thibitisha utambulisho wako tena ili kuendelea.",
  sessionActive: "Utambulisho wako umethibitishwa.",
  sessionEnded: "Kipindi chako kimekamilika.",
  noChannel:
    "Hatuwezi kutuma msimbo wa uthibitishaji: wasifu wako hauna namba ya simu wala barua pepe. Tafadhali wasiliana na timu ya usaidizi.",
};
