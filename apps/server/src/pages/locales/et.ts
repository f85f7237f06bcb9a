import type { PageStrings } from "../page-strings.js";

/** The hosted page: Estonian. */
export const et: PageStrings = {
  title: "Sisesta oma kinnituskood",
  endedTitle: "Kinnituskood",
  introTo: "Saatsime koodi kontaktile {destination}.",
  intro: "Sisesta kood, mille sulle saatsime.",
  label: "Kinnituskood",
  hint: "Tühikud ja sidekriipsud on lubatud.",
  submit: "Kinnita",
  invalidOne: "See kood pole õige. Jäänud on 1 katse.",
  invalidMany: "See kood pole õige. Jäänud on {attempts} katset.",
  replacedTo:
    "See kood on asendatud: kasuta uusimat koodi, mille saatsime kontaktile {destination}.",
  replaced: "See kood on asendatud: kasuta uusimat koodi, mille sulle saatsime.",
  resentToOne: "Saatsime uue koodi kontaktile {destination}. Sisesta uus kood (1 katse).",
  resentTo: "Saatsime uue koodi kontaktile {destination}. Sisesta uus kood ({attempts} katset).",
  resentOne: "Saatsime uue koodi. Sisesta uus kood (1 katse).",
  resent: "Saatsime uue koodi. Sisesta uus kood ({attempts} katset).",
  wrongThen: "See kood pole õige. {next}",
  resendPrompt: "Kas koodi ei tulnud?",
  resendButton: "Saada uus kood",
  waitSecond: "Uut koodi saad küsida 1 sekundi pärast.",
  waitSeconds: "Uut koodi saad küsida {seconds} sekundi pärast.",
  waitMinute: "Uut koodi saad küsida 1 minuti pärast.",
  waitMinutes: "Uut koodi saad küsida {minutes} minuti pärast.",
  resendFailed: "Uut koodi ei õnnestunud saata. Proovi minuti pärast uuesti.",
  malformedDigits: "Sisesta {length}-kohaline kood.",
  malformedLetters: "Sisesta {length}-märgiline kood (tähed).",
  malformedAlphanumeric: "Sisesta {length}-märgiline kood (tähed ja numbrid).",
  exhausted: "Selle koodiga on tehtud liiga palju valesid katseid. Küsi uus kood.",
  expired: "See kood on aegunud. Küsi uus kood.",
  lockedOne:
    "Liiga palju ebaõnnestunud katseid. Sisselogimine on peatatud; proovi uuesti 1 minuti pärast (pärast {time} UTC).",
  locked:
    "Liiga palju ebaõnnestunud katseid. Sisselogimine on peatatud; proovi uuesti {minutes} minuti pärast (pärast {time} UTC).",
  lockedContact:
    "Liiga palju ebaõnnestunud katseid. Sisselogimine on lukus, kuni tugi selle avab; võta ühendust: {support}.",
  lockedSupport:
    "Liiga palju ebaõnnestunud katseid. Sisselogimine on lukus, kuni tugi selle avab; võta ühendust toega.",
  notFound: "See kood ei kehti enam. Küsi uus kood.",
  verifiedTitle: "Isik on kinnitatud",
  verified: "Aitäh, kood on õige. Võid selle lehe sulgeda.",
  continue: "Jätka",
  unknownTitle: "See link ei kehti",
  unknown: "Link võib olla valesti kirjutatud või taotlus tühistati.",
  cancelled: "See kinnitamine tühistati. Küsi uus kood.",
  tooMany: "Sinu võrgust on liiga palju päringuid. Oota minut ja proovi uuesti.",
  badForm: "Vorm on aegunud. Laadi leht uuesti ja sisesta kood uuesti.",
};
