import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Latvian (formal). */
export const lv: ConversationMessages = {
  codeSentPhone:
    "Mēs nosūtījām verifikācijas kodu uz jūsu profilā norādīto numuru {destination}. Lūdzu, ievadiet kodu (derīgs {minutes} min).",
  codeSentEmail:
    "Mēs nosūtījām verifikācijas kodu uz jūsu profilā norādīto e-pasta adresi {destination}. Lūdzu, ievadiet kodu (derīgs {minutes} min).",
  codeSentGeneric:
    "Ja dati atbilst kādam profilam, mēs nosūtījām verifikācijas kodu uz tajā norādīto kontaktu. Lūdzu, ievadiet kodu (derīgs {minutes} min).",
  incorrectMany: "Nepareizs kods. Atlikušo mēģinājumu skaits: {attempts}.",
  incorrectOne: "Nepareizs kods. Jums atlicis 1 mēģinājums.",
  incorrectResentMany:
    "Nepareizs kods. Mēs jums nosūtījām jaunu kodu. Lūdzu, ievadiet to. Atlikušo mēģinājumu skaits: {attempts}.",
  incorrectResentOne:
    "Nepareizs kods. Mēs jums nosūtījām jaunu kodu. Lūdzu, ievadiet to. Jums atlicis 1 mēģinājums.",
  replaced: "Šis kods ir aizstāts ar jaunāku. Lūdzu, ievadiet jaunāko kodu, ko jums nosūtījām.",
  cancelled:
    "Nepareizs kods. Drošības apsvērumu dēļ verifikācija tika atcelta. Uzrakstiet man vēlreiz, lai sāktu no jauna.",
  expired:
    "Koda derīguma termiņš ir beidzies. Lūdzu, uzrakstiet man vēlreiz, un es nosūtīšu jaunu.",
  malformed:
    "Tas neizskatās pēc verifikācijas koda. Lūdzu, ievadiet kodu, ko jums nosūtījām (ciparu skaits: {length}).",
  verified: "Identitāte apstiprināta.",
  throttled: "Kods tikko tika nosūtīts. Lūdzu, uzgaidiet {seconds} s un uzrakstiet man vēlreiz.",
  locked: "Drošības apsvērumu dēļ verifikācija šim profilam ir apturēta. Lūdzu, mēģiniet vēlāk.",
  pending: "Lūdzu, ievadiet verifikācijas kodu, ko jums nosūtījām.",
  notStarted:
    "Pašlaik nenotiek neviena verifikācija. Pasakiet man savu identifikatoru, un es jums nosūtīšu kodu.",
  sessionExpired:
    "Jūsu sesija ir beigusies. Lai turpinātu, lūdzu, vēlreiz apstipriniet savu identitāti.",
  sessionActive: "Jūsu identitāte ir apstiprināta.",
  sessionEnded: "Jūsu sesija ir beigusies.",
  noChannel:
    "Mēs nevaram nosūtīt verifikācijas kodu: jūsu profilā nav ne tālruņa numura, ne e-pasta adreses. Lūdzu, sazinieties ar atbalsta dienestu.",
};
