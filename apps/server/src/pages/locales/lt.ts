import type { PageStrings } from "../page-strings.js";

/** The hosted page: Lithuanian (formal). */
export const lt: PageStrings = {
  title: "Įveskite patvirtinimo kodą",
  endedTitle: "Patvirtinimo kodas",
  introTo: "Išsiuntėme kodą: {destination}.",
  intro: "Įveskite jums atsiųstą kodą.",
  label: "Patvirtinimo kodas",
  hint: "Tarpai ir brūkšneliai leidžiami.",
  submit: "Patvirtinti",
  invalidOne: "Kodas neteisingas. Liko 1 bandymas.",
  invalidMany: "Kodas neteisingas. Liko bandymų: {attempts}.",
  resentToOne: "Išsiuntėme naują kodą: {destination}. Įveskite naują kodą (1 bandymas).",
  resentTo: "Išsiuntėme naują kodą: {destination}. Įveskite naują kodą (bandymų: {attempts}).",
  resentOne: "Išsiuntėme naują kodą. Įveskite naują kodą (1 bandymas).",
  resent: "Išsiuntėme naują kodą. Įveskite naują kodą (bandymų: {attempts}).",
  wrongThen: "Kodas neteisingas. {next}",
  resendPrompt: "Negavote kodo?",
  resendButton: "Siųsti naują kodą",
  waitSecond: "Naujo kodo galėsite paprašyti po 1 sek.",
  waitSeconds: "Naujo kodo galėsite paprašyti po {seconds} sek.",
  waitMinute: "Naujo kodo galėsite paprašyti po 1 min.",
  waitMinutes: "Naujo kodo galėsite paprašyti po {minutes} min.",
  resendFailed: "Nepavyko išsiųsti naujo kodo. Bandykite dar kartą po minutės.",
  malformedDigits: "Įveskite kodą (skaitmenų: {length}).",
  malformedLetters: "Įveskite kodą (raidžių: {length}).",
  malformedAlphanumeric: "Įveskite kodą (simbolių: {length}; raidės ir skaitmenys).",
  exhausted: "Per daug neteisingų bandymų su šiuo kodu. Paprašykite naujo kodo.",
  expired: "Šio kodo galiojimas baigėsi. Paprašykite naujo kodo.",
  lockedOne:
    "Per daug nesėkmingų bandymų. Prisijungimas sustabdytas; bandykite dar kartą po 1 min. (po {time} UTC).",
  locked:
    "Per daug nesėkmingų bandymų. Prisijungimas sustabdytas; bandykite dar kartą po {minutes} min. (po {time} UTC).",
  lockedContact:
    "Per daug nesėkmingų bandymų. Prisijungimas užblokuotas, kol pagalbos tarnyba jo neatblokuos; kreipkitės: {support}.",
  lockedSupport:
    "Per daug nesėkmingų bandymų. Prisijungimas užblokuotas, kol pagalbos tarnyba jo neatblokuos; kreipkitės į pagalbos tarnybą.",
  notFound: "Šis kodas nebegalioja. Paprašykite naujo kodo.",
  verifiedTitle: "Tapatybė patvirtinta",
  verified: "Ačiū, kodas teisingas. Galite uždaryti šį puslapį.",
  continue: "Tęsti",
  unknownTitle: "Ši nuoroda negalioja",
  unknown: "Galbūt nuoroda parašyta su klaida arba užklausa buvo atšaukta.",
  cancelled: "Šis patvirtinimas atšauktas. Paprašykite naujo kodo.",
  tooMany: "Per daug užklausų iš jūsų tinklo. Palaukite minutę ir bandykite dar kartą.",
  badForm: "Formos galiojimas baigėsi. Įkelkite puslapį iš naujo ir vėl įveskite kodą.",
};
