import type { PageStrings } from "../page-strings.js";

/** The hosted page: Slovenian (formal). */
export const sl: PageStrings = {
  title: "Vnesite potrditveno kodo",
  endedTitle: "Potrditvena koda",
  introTo: "Kodo smo poslali na: {destination}.",
  intro: "Vnesite kodo, ki smo vam jo poslali.",
  label: "Potrditvena koda",
  hint: "Presledki in pomišljaji so dovoljeni.",
  submit: "Potrdi",
  invalidOne: "Koda ni pravilna. Preostane še 1 poskus.",
  invalidMany: "Koda ni pravilna. Število preostalih poskusov: {attempts}.",
  replacedTo:
    "Ta koda je bila zamenjana. Uporabite najnovejšo kodo, ki smo jo poslali na: {destination}.",
  replaced: "Ta koda je bila zamenjana. Uporabite najnovejšo kodo, ki smo vam jo poslali.",
  resentToOne: "Novo kodo smo poslali na: {destination}. Vnesite novo kodo (1 poskus).",
  resentTo:
    "Novo kodo smo poslali na: {destination}. Vnesite novo kodo (število poskusov: {attempts}).",
  resentOne: "Poslali smo novo kodo. Vnesite novo kodo (1 poskus).",
  resent: "Poslali smo novo kodo. Vnesite novo kodo (število poskusov: {attempts}).",
  wrongThen: "Koda ni pravilna. {next}",
  resendPrompt: "Kode niste prejeli?",
  resendButton: "Pošlji novo kodo",
  waitSecond: "Novo kodo lahko zahtevate čez 1 s.",
  waitSeconds: "Novo kodo lahko zahtevate čez {seconds} s.",
  waitMinute: "Novo kodo lahko zahtevate čez 1 min.",
  waitMinutes: "Novo kodo lahko zahtevate čez {minutes} min.",
  resendFailed: "Nove kode nismo mogli poslati. Poskusite znova čez minuto.",
  malformedDigits: "Vnesite kodo (število števk: {length}).",
  malformedLetters: "Vnesite kodo (število črk: {length}).",
  malformedAlphanumeric: "Vnesite kodo (število znakov: {length}; črke in števke).",
  exhausted: "Preveč napačnih poskusov s to kodo. Zahtevajte novo kodo.",
  expired: "Ta koda je potekla. Zahtevajte novo kodo.",
  lockedOne:
    "Preveč neuspešnih poskusov. Prijava je začasno ustavljena; poskusite znova čez 1 min (po {time} UTC).",
  locked:
    "Preveč neuspešnih poskusov. Prijava je začasno ustavljena; poskusite znova čez {minutes} min (po {time} UTC).",
  lockedContact:
    "Preveč neuspešnih poskusov. Prijava je zaklenjena, dokler je podpora ne odklene; obrnite se na {support}.",
  lockedSupport:
    "Preveč neuspešnih poskusov. Prijava je zaklenjena, dokler je podpora ne odklene; obrnite se na podporo.",
  notFound: "Ta koda ni več veljavna. Zahtevajte novo kodo.",
  verifiedTitle: "Preverjanje je uspelo",
  verified: "Hvala, koda je pravilna. To stran lahko zaprete.",
  continue: "Naprej",
  unknownTitle: "Ta povezava ni veljavna",
  unknown: "Povezava je morda napačno zapisana ali pa je bila zahteva preklicana.",
  cancelled: "To preverjanje je bilo preklicano. Zahtevajte novo kodo.",
  tooMany: "Iz vašega omrežja je prišlo preveč zahtev. Počakajte minuto in poskusite znova.",
  badForm: "Obrazec je potekel. Znova naložite stran in ponovno vnesite kodo.",
};
