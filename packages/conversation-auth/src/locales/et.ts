import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Estonian. */
export const et: ConversationMessages = {
  codeSentPhone:
    "Saatsime kinnituskoodi sinu profiilis olevale numbrile {destination}. Sisesta kood (see aegub {minutes} minuti pärast).",
  codeSentEmail:
    "Saatsime kinnituskoodi sinu profiilis olevale e-posti aadressile {destination}. Sisesta kood (see aegub {minutes} minuti pärast).",
  codeSentGeneric:
    "Kui andmed vastavad mõnele profiilile, saatsime kinnituskoodi sinna salvestatud kontaktile. Sisesta kood (see aegub {minutes} minuti pärast).",
  incorrectMany: "Vale kood. Sul on jäänud {attempts} katset.",
  incorrectOne: "Vale kood. Sul on jäänud 1 katse.",
  incorrectResentMany:
    "Vale kood. Saatsime sulle uue koodi, sisesta see. Sul on jäänud {attempts} katset.",
  incorrectResentOne: "Vale kood. Saatsime sulle uue koodi, sisesta see. Sul on jäänud 1 katse.",
  replaced: "See kood on asendatud uuemaga. Sisesta viimane kood, mille sulle saatsime.",
  cancelled:
    "Vale kood. Turvalisuse huvides kinnitamine tühistati. Alustamiseks kirjuta mulle uuesti.",
  expired: "Kood on aegunud. Kirjuta mulle uuesti ja ma saadan sulle uue.",
  malformed:
    "See ei näe välja nagu kinnituskood. Sisesta {length}-kohaline kood, mille sulle saatsime.",
  verified: "Isik on kinnitatud.",
  throttled: "Kood saadeti just praegu. Oota {seconds} sekundit ja kirjuta mulle siis uuesti.",
  locked: "Turvalisuse huvides on kinnitamine selle profiili jaoks peatatud. Proovi hiljem uuesti.",
  pending: "Sisesta kinnituskood, mille sulle saatsime.",
  notStarted: "Ühtegi kinnitamist ei ole pooleli. Ütle mulle oma tunnus ja ma saadan sulle koodi.",
  sessionExpired: "Sinu seanss on aegunud. Jätkamiseks kinnita oma isik uuesti.",
  sessionActive: "Sinu isik on kinnitatud.",
  sessionEnded: "Sinu seanss on lõppenud.",
  noChannel:
    "Me ei saa kinnituskoodi saata: sinu profiilis pole telefoninumbrit ega e-posti aadressi. Võta ühendust toega.",
};
