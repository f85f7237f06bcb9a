import type { PageStrings } from "../page-strings.js";

/** The hosted page: Czech (formal). */
export const cs: PageStrings = {
  title: "Zadejte ověřovací kód",
  endedTitle: "Ověřovací kód",
  introTo: "Poslali jsme kód na: {destination}.",
  intro: "Zadejte kód, který jsme vám poslali.",
  label: "Ověřovací kód",
  hint: "Mezery a pomlčky nevadí.",
  submit: "Ověřit",
  invalidOne: "Tento kód není správný. Zbývá 1 pokus.",
  invalidMany: "Tento kód není správný. Zbývající pokusy: {attempts}.",
  replacedTo:
    "Tento kód byl nahrazen. Použijte nejnovější kód, který jsme poslali na: {destination}.",
  replaced: "Tento kód byl nahrazen. Použijte nejnovější kód, který jsme vám poslali.",
  resentToOne: "Poslali jsme nový kód na: {destination}. Zadejte nový kód (1 pokus).",
  resentTo: "Poslali jsme nový kód na: {destination}. Zadejte nový kód (počet pokusů: {attempts}).",
  resentOne: "Poslali jsme nový kód. Zadejte nový kód (1 pokus).",
  resent: "Poslali jsme nový kód. Zadejte nový kód (počet pokusů: {attempts}).",
  wrongThen: "Tento kód není správný. {next}",
  resendPrompt: "Nepřišel vám kód?",
  resendButton: "Poslat nový kód",
  waitSecond: "O nový kód můžete požádat za 1 s.",
  waitSeconds: "O nový kód můžete požádat za {seconds} s.",
  waitMinute: "O nový kód můžete požádat za 1 min.",
  waitMinutes: "O nový kód můžete požádat za {minutes} min.",
  resendFailed: "Nový kód se nepodařilo odeslat. Zkuste to znovu za minutu.",
  malformedDigits: "Zadejte kód (počet číslic: {length}).",
  malformedLetters: "Zadejte kód (počet písmen: {length}).",
  malformedAlphanumeric: "Zadejte kód (počet znaků: {length}; písmena a číslice).",
  exhausted: "S tímto kódem bylo příliš mnoho chybných pokusů. Požádejte o nový kód.",
  expired: "Platnost tohoto kódu vypršela. Požádejte o nový kód.",
  lockedOne:
    "Příliš mnoho neúspěšných pokusů. Přihlášení je pozastaveno; zkuste to znovu za 1 min (po {time} UTC).",
  locked:
    "Příliš mnoho neúspěšných pokusů. Přihlášení je pozastaveno; zkuste to znovu za {minutes} min (po {time} UTC).",
  lockedContact:
    "Příliš mnoho neúspěšných pokusů. Přihlášení je zablokováno, dokud ho podpora neodblokuje; kontaktujte {support}.",
  lockedSupport:
    "Příliš mnoho neúspěšných pokusů. Přihlášení je zablokováno, dokud ho podpora neodblokuje; kontaktujte podporu.",
  notFound: "Tento kód už neplatí. Požádejte o nový kód.",
  verifiedTitle: "Ověření dokončeno",
  verified: "Děkujeme, kód je správný. Tuto stránku můžete zavřít.",
  continue: "Pokračovat",
  unknownTitle: "Tento odkaz není platný",
  unknown: "Odkaz je možná chybně napsaný, nebo byla žádost zrušena.",
  cancelled: "Toto ověření bylo zrušeno. Požádejte o nový kód.",
  tooMany: "Z vaší sítě přišlo příliš mnoho požadavků. Počkejte minutu a zkuste to znovu.",
  badForm: "Platnost formuláře vypršela. Načtěte stránku znovu a zadejte kód ještě jednou.",
};
