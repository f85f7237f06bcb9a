import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Hungarian (formal "Ön"). */
export const hu: ConversationMessages = {
  codeSentPhone:
    "Ellenőrző kódot küldtünk a profiljában megadott {destination} telefonszámra. Kérjük, írja be a kódot ({minutes} percig érvényes).",
  codeSentEmail:
    "Ellenőrző kódot küldtünk a profiljában megadott {destination} e-mail-címre. Kérjük, írja be a kódot ({minutes} percig érvényes).",
  codeSentGeneric:
    "Ha az adatok egyeznek egy profillal, ellenőrző kódot küldtünk az abban megadott elérhetőségre. Kérjük, írja be a kódot ({minutes} percig érvényes).",
  incorrectMany: "Hibás kód. Még {attempts} próbálkozása maradt.",
  incorrectOne: "Hibás kód. Még 1 próbálkozása maradt.",
  incorrectResentMany:
    "Hibás kód. Új kódot küldtünk Önnek. Kérjük, ezt írja be. Még {attempts} próbálkozása maradt.",
  incorrectResentOne:
    "Hibás kód. Új kódot küldtünk Önnek. Kérjük, ezt írja be. Még 1 próbálkozása maradt.",
  replaced: "Ezt a kódot egy újabb váltotta fel. Kérjük, írja be a legutóbb elküldött kódot.",
  cancelled:
    "Hibás kód. Biztonsági okokból az ellenőrzést megszakítottuk. Írjon nekem újra, és kezdjük elölről.",
  expired: "A kód lejárt. Kérjük, írjon nekem újra, és küldök egy újat.",
  malformed:
    "Ez nem tűnik ellenőrző kódnak. Kérjük, írja be a {length} számjegyű kódot, amelyet elküldtünk Önnek.",
  verified: "Személyazonosság ellenőrizve.",
  throttled:
    "Az imént küldtünk egy kódot. Kérjük, várjon {seconds} másodpercet, majd írjon nekem újra.",
  locked:
    "Biztonsági okokból az ellenőrzés ennél a profilnál szünetel. Kérjük, próbálja újra később.",
  pending: "Kérjük, írja be az ellenőrző kódot, amelyet elküldtünk Önnek.",
  notStarted:
    "Jelenleg nincs folyamatban ellenőrzés. Adja meg az azonosítóját, és küldök egy kódot.",
  sessionExpired:
    "A munkamenete lejárt. A folytatáshoz kérjük, igazolja újra a személyazonosságát.",
  sessionActive: "A személyazonossága ellenőrizve.",
  sessionEnded: "A munkamenete véget ért.",
  noChannel:
    "Nem tudunk ellenőrző kódot küldeni: a profiljában nincs telefonszám és e-mail-cím sem. Kérjük, forduljon az ügyfélszolgálathoz.",
};
