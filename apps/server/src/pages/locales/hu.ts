import type { PageStrings } from "../page-strings.js";

/** The hosted page: Hungarian (formal "Ön"). */
export const hu: PageStrings = {
  title: "Adja meg az ellenőrző kódot",
  endedTitle: "Ellenőrző kód",
  introTo: "Kódot küldtünk ide: {destination}.",
  intro: "Adja meg a kódot, amelyet elküldtünk Önnek.",
  label: "Ellenőrző kód",
  hint: "Szóközök és kötőjelek használhatók.",
  submit: "Ellenőrzés",
  invalidOne: "A kód nem megfelelő. Még 1 próbálkozása maradt.",
  invalidMany: "A kód nem megfelelő. Még {attempts} próbálkozása maradt.",
  replacedTo:
    "Ezt a kódot lecseréltük. Használja a legújabb kódot, amelyet ide küldtünk: {destination}.",
  replaced: "Ezt a kódot lecseréltük. Használja a legújabb kódot, amelyet elküldtünk Önnek.",
  resentToOne: "Új kódot küldtünk ide: {destination}. Adja meg az új kódot (1 próbálkozás).",
  resentTo: "Új kódot küldtünk ide: {destination}. Adja meg az új kódot ({attempts} próbálkozás).",
  resentOne: "Új kódot küldtünk. Adja meg az új kódot (1 próbálkozás).",
  resent: "Új kódot küldtünk. Adja meg az új kódot ({attempts} próbálkozás).",
  wrongThen: "A kód nem megfelelő. {next}",
  resendPrompt: "Nem kapta meg a kódot?",
  resendButton: "Új kód küldése",
  waitSecond: "Új kódot 1 másodperc múlva kérhet.",
  waitSeconds: "Új kódot {seconds} másodperc múlva kérhet.",
  waitMinute: "Új kódot 1 perc múlva kérhet.",
  waitMinutes: "Új kódot {minutes} perc múlva kérhet.",
  resendFailed: "Nem sikerült új kódot küldeni. Próbálja újra egy perc múlva.",
  malformedDigits: "Adja meg a {length} számjegyű kódot.",
  malformedLetters: "Adja meg a {length} karakteres kódot (betűk).",
  malformedAlphanumeric: "Adja meg a {length} karakteres kódot (betűk és számjegyek).",
  exhausted: "Túl sok hibás próbálkozás ezzel a kóddal. Kérjen új kódot.",
  expired: "Ez a kód lejárt. Kérjen új kódot.",
  lockedOne:
    "Túl sok sikertelen próbálkozás. A bejelentkezés szünetel; próbálja újra 1 perc múlva ({time} UTC után).",
  locked:
    "Túl sok sikertelen próbálkozás. A bejelentkezés szünetel; próbálja újra {minutes} perc múlva ({time} UTC után).",
  lockedContact:
    "Túl sok sikertelen próbálkozás. A bejelentkezés zárolva van, amíg az ügyfélszolgálat fel nem oldja; írjon ide: {support}.",
  lockedSupport:
    "Túl sok sikertelen próbálkozás. A bejelentkezés zárolva van, amíg az ügyfélszolgálat fel nem oldja; forduljon az ügyfélszolgálathoz.",
  notFound: "Ez a kód már nem érvényes. Kérjen új kódot.",
  verifiedTitle: "Sikeres ellenőrzés",
  verified: "Köszönjük, a kód helyes. Bezárhatja ezt az oldalt.",
  continue: "Tovább",
  unknownTitle: "Ez a hivatkozás érvénytelen",
  unknown: "Lehet, hogy elírták a hivatkozást, vagy a kérést visszavonták.",
  cancelled: "Ezt az ellenőrzést visszavonták. Kérjen új kódot.",
  tooMany: "Túl sok kérés érkezett a hálózatáról. Várjon egy percet, és próbálja újra.",
  badForm: "Az űrlap lejárt. Töltse be újra az oldalt, és adja meg ismét a kódot.",
};
