import type { PageStrings } from "../page-strings.js";

/** The hosted page: Polish (informal, gender-neutral wording). */
export const pl: PageStrings = {
  title: "Wpisz kod weryfikacyjny",
  endedTitle: "Kod weryfikacyjny",
  introTo: "Wysłaliśmy kod na: {destination}.",
  intro: "Wpisz kod, który do Ciebie wysłaliśmy.",
  label: "Kod weryfikacyjny",
  hint: "Spacje i myślniki są dozwolone.",
  submit: "Zweryfikuj",
  invalidOne: "Ten kod jest nieprawidłowy. Pozostała 1 próba.",
  invalidMany: "Ten kod jest nieprawidłowy. Pozostałe próby: {attempts}.",
  replacedTo:
    "Ten kod został zastąpiony. Użyj najnowszego kodu, który wysłaliśmy na: {destination}.",
  replaced: "Ten kod został zastąpiony. Użyj najnowszego kodu, który do Ciebie wysłaliśmy.",
  resentToOne: "Wysłaliśmy nowy kod na: {destination}. Wpisz nowy kod (1 próba).",
  resentTo: "Wysłaliśmy nowy kod na: {destination}. Wpisz nowy kod (liczba prób: {attempts}).",
  resentOne: "Wysłaliśmy nowy kod. Wpisz nowy kod (1 próba).",
  resent: "Wysłaliśmy nowy kod. Wpisz nowy kod (liczba prób: {attempts}).",
  wrongThen: "Ten kod jest nieprawidłowy. {next}",
  resendPrompt: "Kod nie dotarł?",
  resendButton: "Wyślij nowy kod",
  waitSecond: "Nowy kod możesz zamówić za 1 s.",
  waitSeconds: "Nowy kod możesz zamówić za {seconds} s.",
  waitMinute: "Nowy kod możesz zamówić za 1 min.",
  waitMinutes: "Nowy kod możesz zamówić za {minutes} min.",
  resendFailed: "Nie udało się wysłać nowego kodu. Spróbuj ponownie za minutę.",
  malformedDigits: "Wpisz kod (liczba cyfr: {length}).",
  malformedLetters: "Wpisz kod (liczba liter: {length}).",
  malformedAlphanumeric: "Wpisz kod (liczba znaków: {length}; litery i cyfry).",
  exhausted: "Zbyt wiele błędnych prób dla tego kodu. Poproś o nowy kod.",
  expired: "Ten kod wygasł. Poproś o nowy kod.",
  lockedOne:
    "Zbyt wiele nieudanych prób. Logowanie jest wstrzymane; spróbuj ponownie za 1 min (po {time} UTC).",
  locked:
    "Zbyt wiele nieudanych prób. Logowanie jest wstrzymane; spróbuj ponownie za {minutes} min (po {time} UTC).",
  lockedContact:
    "Zbyt wiele nieudanych prób. Logowanie jest zablokowane, dopóki pomoc techniczna go nie odblokuje; napisz na {support}.",
  lockedSupport:
    "Zbyt wiele nieudanych prób. Logowanie jest zablokowane, dopóki pomoc techniczna go nie odblokuje; skontaktuj się z pomocą techniczną.",
  notFound: "Ten kod nie jest już ważny. Poproś o nowy kod.",
  verifiedTitle: "Weryfikacja zakończona",
  verified: "Dziękujemy, kod jest prawidłowy. Możesz zamknąć tę stronę.",
  continue: "Dalej",
  unknownTitle: "Ten link jest nieprawidłowy",
  unknown: "Link może zawierać literówkę albo prośba została anulowana.",
  cancelled: "Ta weryfikacja została anulowana. Poproś o nowy kod.",
  tooMany: "Zbyt wiele żądań z Twojej sieci. Odczekaj minutę i spróbuj ponownie.",
  badForm: "Formularz wygasł. Odśwież stronę i wpisz kod ponownie.",
};
