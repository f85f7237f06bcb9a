import type { PageStrings } from "../page-strings.js";

/** The hosted page: Slovak (formal). */
export const sk: PageStrings = {
  title: "Zadajte overovací kód",
  endedTitle: "Overovací kód",
  introTo: "Poslali sme kód na: {destination}.",
  intro: "Zadajte kód, ktorý sme vám poslali.",
  label: "Overovací kód",
  hint: "Medzery a pomlčky nevadia.",
  submit: "Overiť",
  invalidOne: "Tento kód nie je správny. Zostáva 1 pokus.",
  invalidMany: "Tento kód nie je správny. Zostávajúce pokusy: {attempts}.",
  resentToOne: "Poslali sme nový kód na: {destination}. Zadajte nový kód (1 pokus).",
  resentTo: "Poslali sme nový kód na: {destination}. Zadajte nový kód (počet pokusov: {attempts}).",
  resentOne: "Poslali sme nový kód. Zadajte nový kód (1 pokus).",
  resent: "Poslali sme nový kód. Zadajte nový kód (počet pokusov: {attempts}).",
  wrongThen: "Tento kód nie je správny. {next}",
  resendPrompt: "Neprišiel vám kód?",
  resendButton: "Poslať nový kód",
  waitSecond: "O nový kód môžete požiadať o 1 s.",
  waitSeconds: "O nový kód môžete požiadať o {seconds} s.",
  waitMinute: "O nový kód môžete požiadať o 1 min.",
  waitMinutes: "O nový kód môžete požiadať o {minutes} min.",
  resendFailed: "Nový kód sa nepodarilo odoslať. Skúste to znova o minútu.",
  malformedDigits: "Zadajte kód (počet číslic: {length}).",
  malformedLetters: "Zadajte kód (počet písmen: {length}).",
  malformedAlphanumeric: "Zadajte kód (počet znakov: {length}; písmená a číslice).",
  exhausted: "S týmto kódom bolo príliš veľa chybných pokusov. Požiadajte o nový kód.",
  expired: "Platnosť tohto kódu vypršala. Požiadajte o nový kód.",
  lockedOne:
    "Príliš veľa neúspešných pokusov. Prihlásenie je pozastavené; skúste to znova o 1 min (po {time} UTC).",
  locked:
    "Príliš veľa neúspešných pokusov. Prihlásenie je pozastavené; skúste to znova o {minutes} min (po {time} UTC).",
  lockedContact:
    "Príliš veľa neúspešných pokusov. Prihlásenie je zablokované, kým ho podpora neodblokuje; kontaktujte {support}.",
  lockedSupport:
    "Príliš veľa neúspešných pokusov. Prihlásenie je zablokované, kým ho podpora neodblokuje; kontaktujte podporu.",
  notFound: "Tento kód už neplatí. Požiadajte o nový kód.",
  verifiedTitle: "Overenie dokončené",
  verified: "Ďakujeme, kód je správny. Túto stránku môžete zavrieť.",
  continue: "Pokračovať",
  unknownTitle: "Tento odkaz nie je platný",
  unknown: "Odkaz je možno nesprávne napísaný, alebo bola žiadosť zrušená.",
  cancelled: "Toto overenie bolo zrušené. Požiadajte o nový kód.",
  tooMany: "Z vašej siete prišlo príliš veľa požiadaviek. Počkajte minútu a skúste to znova.",
  badForm: "Platnosť formulára vypršala. Znova načítajte stránku a zadajte kód ešte raz.",
};
