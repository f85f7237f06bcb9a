import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Romanian (informal). */
export const ro: ConversationMessages = {
  codeSentPhone:
    "Am trimis un cod de verificare la numărul {destination} înregistrat în profilul tău. Introdu codul (expiră în {minutes} min).",
  codeSentEmail:
    "Am trimis un cod de verificare la adresa de e-mail {destination} înregistrată în profilul tău. Introdu codul (expiră în {minutes} min).",
  codeSentGeneric:
    "Dacă datele corespund unui profil, am trimis un cod de verificare la contactul înregistrat în acesta. Introdu codul (expiră în {minutes} min).",
  incorrectMany: "Cod incorect. Încercări rămase: {attempts}.",
  incorrectOne: "Cod incorect. Mai ai o încercare.",
  incorrectResentMany:
    "Cod incorect. Ți-am trimis un cod nou. Introdu-l. Încercări rămase: {attempts}.",
  incorrectResentOne: "Cod incorect. Ți-am trimis un cod nou. Introdu-l. Mai ai o încercare.",
  replaced:
    "Acest cod a fost înlocuit cu unul mai nou. Introdu cel mai recent cod pe care ți l-am trimis.",
  cancelled:
    "Cod incorect. Din motive de securitate, verificarea a fost anulată. Scrie-mi din nou ca s-o luăm de la capăt.",
  expired: "Codul a expirat. Scrie-mi din nou și îți trimit unul nou.",
  malformed:
    "Asta nu pare un cod de verificare. Introdu codul pe care ți l-am trimis (număr de cifre: {length}).",
  verified: "Identitate verificată.",
  throttled: "Tocmai a fost trimis un cod. Așteaptă {seconds} s și scrie-mi din nou.",
  locked:
    "Din motive de securitate, verificarea este suspendată pentru acest profil. Încearcă din nou mai târziu.",
  pending: "Introdu codul de verificare pe care ți l-am trimis.",
  notStarted:
    "Nu este nicio verificare în curs. Spune-mi identificatorul tău și îți trimit un cod.",
  sessionExpired: "Sesiunea ta a expirat. Verifică-ți din nou identitatea pentru a continua.",
  sessionActive: "Identitatea ta este verificată.",
  sessionEnded: "Sesiunea ta s-a încheiat.",
  noChannel:
    "Nu putem trimite un cod de verificare: profilul tău nu are număr de telefon sau adresă de e-mail. Contactează asistența.",
};
