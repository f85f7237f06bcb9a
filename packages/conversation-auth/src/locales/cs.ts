import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Czech (formal). */
export const cs: ConversationMessages = {
  codeSentPhone:
    "Poslali jsme ověřovací kód na číslo {destination} uvedené ve vašem profilu. Zadejte prosím kód (platí {minutes} min).",
  codeSentEmail:
    "Poslali jsme ověřovací kód na e-mail {destination} uvedený ve vašem profilu. Zadejte prosím kód (platí {minutes} min).",
  codeSentGeneric:
    "Pokud údaje odpovídají některému profilu, poslali jsme ověřovací kód na kontakt v něm uvedený. Zadejte prosím kód (platí {minutes} min).",
  incorrectMany: "Nesprávný kód. Počet zbývajících pokusů: {attempts}.",
  incorrectOne: "Nesprávný kód. Zbývá vám 1 pokus.",
  incorrectResentMany:
    "Nesprávný kód. Poslali jsme vám nový kód, zadejte ho prosím. Počet zbývajících pokusů: {attempts}.",
  incorrectResentOne:
    "Nesprávný kód. Poslali jsme vám nový kód, zadejte ho prosím. Zbývá vám 1 pokus.",
  replaced:
    "Tento kód byl nahrazen novějším. Zadejte prosím nejnovější kód, který jsme vám poslali.",
  cancelled:
    "Nesprávný kód. Z bezpečnostních důvodů bylo ověření zrušeno. Napište mi znovu a začneme od začátku.",
  expired: "Platnost kódu vypršela. Napište mi prosím znovu a pošlu vám nový.",
  malformed:
    "Tohle nevypadá jako ověřovací kód. Zadejte prosím kód, který jsme vám poslali (počet číslic: {length}).",
  verified: "Totožnost ověřena.",
  throttled: "Kód byl odeslán před chvílí. Počkejte prosím {seconds} s a napište mi znovu.",
  locked:
    "Z bezpečnostních důvodů je ověřování pro tento profil pozastaveno. Zkuste to prosím později.",
  pending: "Zadejte prosím ověřovací kód, který jsme vám poslali.",
  notStarted: "Neprobíhá žádné ověření. Sdělte mi svůj identifikátor a pošlu vám kód.",
  sessionExpired: "Vaše relace vypršela. Chcete-li pokračovat, ověřte prosím znovu svou totožnost.",
  sessionActive: "Vaše totožnost je ověřena.",
  sessionEnded: "Vaše relace byla ukončena.",
  noChannel:
    "Nemůžeme poslat ověřovací kód: ve vašem profilu není telefonní číslo ani e-mail. Obraťte se prosím na podporu.",
};
