import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Lithuanian (formal). */
export const lt: ConversationMessages = {
  codeSentPhone:
    "Išsiuntėme patvirtinimo kodą jūsų profilyje nurodytu numeriu {destination}. Įveskite kodą (galioja {minutes} min.).",
  codeSentEmail:
    "Išsiuntėme patvirtinimo kodą jūsų profilyje nurodytu el. pašto adresu {destination}. Įveskite kodą (galioja {minutes} min.).",
  codeSentGeneric:
    "Jei duomenys atitinka kurį nors profilį, išsiuntėme patvirtinimo kodą jame nurodytu kontaktu. Įveskite kodą (galioja {minutes} min.).",
  incorrectMany: "Neteisingas kodas. Liko bandymų: {attempts}.",
  incorrectOne: "Neteisingas kodas. Liko 1 bandymas.",
  incorrectResentMany:
    "Neteisingas kodas. Atsiuntėme jums naują kodą. Įveskite jį. Liko bandymų: {attempts}.",
  incorrectResentOne:
    "Neteisingas kodas. Atsiuntėme jums naują kodą. Įveskite jį. Liko 1 bandymas.",
  replaced: "Šis kodas pakeistas naujesniu. Įveskite naujausią jums atsiųstą kodą.",
  cancelled:
    "Neteisingas kodas. Saugumo sumetimais patvirtinimas atšauktas. Parašykite man dar kartą, kad pradėtume iš naujo.",
  expired: "Kodo galiojimas baigėsi. Parašykite man dar kartą ir atsiųsiu jums naują.",
  malformed:
    "Tai nepanašu į patvirtinimo kodą. Įveskite jums atsiųstą kodą (skaitmenų skaičius: {length}).",
  verified: "Tapatybė patvirtinta.",
  throttled: "Kodas ką tik išsiųstas. Palaukite {seconds} sek. ir parašykite man dar kartą.",
  locked: "Saugumo sumetimais šio profilio patvirtinimas laikinai sustabdytas. Bandykite vėliau.",
  pending: "Įveskite jums atsiųstą patvirtinimo kodą.",
  notStarted:
    "Šiuo metu nevyksta joks patvirtinimas. Nurodykite savo identifikatorių ir atsiųsiu jums kodą.",
  sessionExpired: "Jūsų sesija baigėsi. Norėdami tęsti, dar kartą patvirtinkite savo tapatybę.",
  sessionActive: "Jūsų tapatybė patvirtinta.",
  sessionEnded: "Jūsų sesija baigta.",
  noChannel:
    "Negalime išsiųsti patvirtinimo kodo: jūsų profilyje nėra nei telefono numerio, nei el. pašto adreso. Susisiekite su pagalbos tarnyba.",
};
