import type { PageStrings } from "../page-strings.js";

/** The hosted page: Romanian (informal). */
export const ro: PageStrings = {
  title: "Introdu codul de verificare",
  endedTitle: "Cod de verificare",
  introTo: "Am trimis un cod la {destination}.",
  intro: "Introdu codul pe care ți l-am trimis.",
  label: "Cod de verificare",
  hint: "Poți folosi spații și cratime.",
  submit: "Verifică",
  invalidOne: "Codul nu este corect. A mai rămas o încercare.",
  invalidMany: "Codul nu este corect. Încercări rămase: {attempts}.",
  replacedTo:
    "Acest cod a fost înlocuit: folosește cel mai recent cod pe care l-am trimis la {destination}.",
  replaced: "Acest cod a fost înlocuit: folosește cel mai recent cod pe care ți l-am trimis.",
  resentToOne: "Am trimis un cod nou la {destination}. Introdu codul nou (o încercare).",
  resentTo: "Am trimis un cod nou la {destination}. Introdu codul nou (încercări: {attempts}).",
  resentOne: "Am trimis un cod nou. Introdu codul nou (o încercare).",
  resent: "Am trimis un cod nou. Introdu codul nou (încercări: {attempts}).",
  wrongThen: "Codul nu este corect. {next}",
  resendPrompt: "Nu ai primit codul?",
  resendButton: "Trimite un cod nou",
  waitSecond: "Poți cere un cod nou peste o secundă.",
  waitSeconds: "Poți cere un cod nou peste {seconds} s.",
  waitMinute: "Poți cere un cod nou peste un minut.",
  waitMinutes: "Poți cere un cod nou peste {minutes} min.",
  resendFailed: "Nu am putut trimite un cod nou. Încearcă din nou peste un minut.",
  malformedDigits: "Introdu codul (cifre: {length}).",
  malformedLetters: "Introdu codul (litere: {length}).",
  malformedAlphanumeric: "Introdu codul (caractere: {length}; litere și cifre).",
  exhausted: "Prea multe încercări greșite pentru acest cod. Cere un cod nou.",
  expired: "Acest cod a expirat. Cere un cod nou.",
  lockedOne:
    "Prea multe încercări eșuate. Conectarea este suspendată; încearcă din nou peste un minut (după {time} UTC).",
  locked:
    "Prea multe încercări eșuate. Conectarea este suspendată; încearcă din nou peste {minutes} min (după {time} UTC).",
  lockedContact:
    "Prea multe încercări eșuate. Conectarea este blocată până când echipa de asistență o deblochează; scrie la {support}.",
  lockedSupport:
    "Prea multe încercări eșuate. Conectarea este blocată până când echipa de asistență o deblochează; contactează asistența.",
  notFound: "Acest cod nu mai este valabil. Cere un cod nou.",
  verifiedTitle: "Verificare reușită",
  verified: "Mulțumim, codul este corect. Poți închide această pagină.",
  continue: "Continuă",
  unknownTitle: "Acest link nu este valid",
  unknown: "Poate linkul a fost scris greșit sau cererea a fost anulată.",
  cancelled: "Această verificare a fost anulată. Cere un cod nou.",
  tooMany: "Prea multe cereri din rețeaua ta. Așteaptă un minut și încearcă din nou.",
  badForm: "Formularul a expirat. Reîncarcă pagina și introdu din nou codul.",
};
