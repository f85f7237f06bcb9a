import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Slovak (formal). */
export const sk: ConversationMessages = {
  codeSentPhone:
    "Poslali sme overovací kód na číslo {destination} uvedené vo vašom profile. Zadajte, prosím, kód (platí {minutes} min).",
  codeSentEmail:
    "Poslali sme overovací kód na e-mail {destination} uvedený vo vašom profile. Zadajte, prosím, kód (platí {minutes} min).",
  codeSentGeneric:
    "Ak údaje zodpovedajú niektorému profilu, poslali sme overovací kód na kontakt v ňom uvedený. Zadajte, prosím, kód (platí {minutes} min).",
  incorrectMany: "Nesprávny kód. Počet zostávajúcich pokusov: {attempts}.",
  incorrectOne: "Nesprávny kód. Zostáva vám 1 pokus.",
  incorrectResentMany:
    "Nesprávny kód. Poslali sme vám nový kód. Zadajte ho, prosím. Počet zostávajúcich pokusov: {attempts}.",
  incorrectResentOne:
    "Nesprávny kód. Poslali sme vám nový kód. Zadajte ho, prosím. Zostáva vám 1 pokus.",
  replaced: "Tento kód bol nahradený novším. Zadajte, prosím, najnovší kód, ktorý sme vám poslali.",
  cancelled:
    "Nesprávny kód. Z bezpečnostných dôvodov bolo overenie zrušené. Napíšte mi znova a začneme odznova.",
  expired: "Platnosť kódu vypršala. Napíšte mi, prosím, znova a pošlem vám nový.",
  malformed:
    "Toto nevyzerá ako overovací kód. Zadajte, prosím, kód, ktorý sme vám poslali (počet číslic: {length}).",
  verified: "Totožnosť overená.",
  throttled: "Kód bol odoslaný pred chvíľou. Počkajte, prosím, {seconds} s a napíšte mi znova.",
  locked:
    "Z bezpečnostných dôvodov je overovanie pre tento profil pozastavené. Skúste to, prosím, neskôr.",
  pending: "Zadajte, prosím, overovací kód, ktorý sme vám poslali.",
  notStarted: "Neprebieha žiadne overenie. Povedzte mi svoj identifikátor a pošlem vám kód.",
  sessionExpired:
    "Vaša relácia vypršala. Ak chcete pokračovať, overte, prosím, znova svoju totožnosť.",
  sessionActive: "Vaša totožnosť je overená.",
  sessionEnded: "Vaša relácia sa skončila.",
  noChannel:
    "Nemôžeme poslať overovací kód: vo vašom profile nie je telefónne číslo ani e-mail. Obráťte sa, prosím, na podporu.",
};
